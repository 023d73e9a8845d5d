// A Minecraft peer for Hearth's tests: the npm package minecraft-protocol answers Server List Ping as a real
// server does, and a small RCON server written here from the Source RCON protocol (as Minecraft implements it)
// answers commands. Usage: node peer.js <slp port> <rcon port> <rcon password> <version> <motd> <online> <max>
// Prints "ready" when both listen, and "rcon: <command>" for every command it runs.
const net = require('net');
const mc = require('minecraft-protocol');
const [slpPort, rconPort, password, version, motd, online, max] = process.argv.slice(2);

const slp = mc.createServer({ 'online-mode': false, host: '127.0.0.1', port: Number(slpPort), version, motd, maxPlayers: Number(max),
  beforePing: (response) => {
    response.players.online = Number(online);
    response.players.sample = [{ name: 'Alex', id: '4566e69f-c907-48ee-8d71-d7ba5aa00d20' }, { name: 'Steve', id: '8667ba71-b85a-4004-af54-457a9734eed7' }];
    return response;
  } });

function packet(id, type, body) {
  const b = Buffer.from(body, 'utf8');
  const p = Buffer.alloc(14 + b.length);
  p.writeInt32LE(10 + b.length, 0); p.writeInt32LE(id, 4); p.writeInt32LE(type, 8); b.copy(p, 12); // two zero bytes end it
  return p;
}

function answer(command) {
  if (command === 'list') return `There are ${online} of a max of ${max} players online: Alex, Steve`;
  if (command.startsWith('say ')) return '';
  if (command.startsWith('whitelist add ')) return `Added ${command.slice(14)} to the whitelist`;
  if (command.startsWith('whitelist remove ')) return `Removed ${command.slice(17)} from the whitelist`;
  if (command === 'whitelist list') return 'There are 1 whitelisted players: Alex';
  if (command === 'save-all') return 'Saving the game (this may take a moment!)Saved the game';
  if (command === 'long') return 'x'.repeat(10000);
  return `Unknown or incomplete command, see below for error${command}<--[HERE]`;
}

const rcon = net.createServer((socket) => {
  let buffer = Buffer.alloc(0);
  let authed = false;
  socket.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    while (buffer.length >= 4) {
      const length = buffer.readInt32LE(0);
      if (buffer.length < 4 + length) return;
      const id = buffer.readInt32LE(4), type = buffer.readInt32LE(8);
      const body = buffer.subarray(12, 4 + length - 2).toString('utf8');
      buffer = buffer.subarray(4 + length);
      if (type === 3) {
        authed = body === password;
        socket.write(packet(authed ? id : -1, 2, ''));
      } else if (!authed) {
        socket.write(packet(-1, 2, ''));
      } else if (type === 2) {
        console.log('rcon: ' + body);
        const text = Buffer.from(answer(body), 'utf8');
        if (text.length === 0) socket.write(packet(id, 0, ''));
        for (let at = 0; at < text.length; at += 4096) socket.write(packet(id, 0, text.subarray(at, at + 4096).toString('utf8')));
      } else {
        socket.write(packet(id, 0, 'Unknown request ' + type.toString(16)));
      }
    }
  });
  socket.on('error', () => {});
});

let listening = 0;
const up = () => { if (++listening === 2) console.log('ready'); };
slp.on('listening', up);
rcon.listen(Number(rconPort), '127.0.0.1', up);
process.stdin.on('end', () => process.exit(0)); // the test closing our stdin ends us
process.stdin.resume();
