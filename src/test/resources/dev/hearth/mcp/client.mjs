// An independent MCP client for McpClientTest: the reference TypeScript SDK, over Streamable HTTP, with a bearer key.
// Usage: node client.mjs <url> <key> <tool> <arguments json> <resource uri>; prints one JSON object.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const [url, key, tool, args, uri] = process.argv.slice(2);
const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${key}` } } });
const client = new Client({ name: 'hearth-test-client', version: '1.0.0' });
const out = {};
try {
  await client.connect(transport);
  out.protocolVersion = transport.protocolVersion;
  out.sessionId = transport.sessionId;
  out.server = client.getServerVersion();
  out.instructions = client.getInstructions();
  out.tools = (await client.listTools()).tools;
  out.call = await client.callTool({ name: tool, arguments: JSON.parse(args) });
  out.resources = (await client.listResources()).resources;
  out.read = await client.readResource({ uri });
  await transport.terminateSession();
  out.terminated = transport.sessionId === undefined;
} catch (e) {
  out.failure = String(e && e.stack || e);
} finally {
  await client.close().catch(() => {});
}
process.stdout.write(JSON.stringify(out));
