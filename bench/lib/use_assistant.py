# Uses the assistant and MCP of a Hearth as the dashboard's chat box, a bot and an agent would: chat commands on
# /api/v1/command, then MCP sessions (both protocol eras). Usage: use_assistant.py PORT KEY CHATS SESSIONS
import json, sys, urllib.request
port, key, chats, sessions = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
def post(path, body, headers=None):
    h = {"Content-Type": "application/json", "X-API-Key": key, **(headers or {})}
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", json.dumps(body).encode(), h)
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.status, r.headers, r.read()
said = ["status", "list services", "what is downloading?", "alerts", "how much disk space is left?", "help",
        "limit downloads to 5 MB/s", "download Inception", "is plex running?", "restart"]
for i in range(chats):
    post("/api/v1/command", {"user_id": i % 7, "message": said[i % len(said)]})
meta = {"io.modelcontextprotocol/protocolVersion": "2026-07-28", "io.modelcontextprotocol/clientCapabilities": {}}
for i in range(sessions):
    s, h, _ = post("/mcp", {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-11-25",
                   "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}}})
    sid = h["Mcp-Session-Id"]
    post("/mcp", {"jsonrpc": "2.0", "id": 2, "method": "tools/list"}, {"Mcp-Session-Id": sid})
    post("/mcp", {"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": {"name": "system_status", "arguments": {}}},
         {"Mcp-Session-Id": sid})
    post("/mcp", {"jsonrpc": "2.0", "id": 4, "method": "tools/list", "params": {"_meta": meta}},
         {"MCP-Protocol-Version": "2026-07-28", "Mcp-Method": "tools/list"})
