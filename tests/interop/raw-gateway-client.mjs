// An independent gateway client (Node's built-in WebSocket, no Disgo code) run against the emulator's CLI.
// It identifies shards under several shard counts, checks Discord's routing formula on the GUILD_CREATEs it
// receives, and provokes documented close codes. Prints one line per check; exits 1 on the first failure.
// Usage: node --experimental-websocket raw-gateway-client.mjs <gateway url> <token> <guild count>
// The emulator must hold more than 2,500 guilds and enable only the GUILD_PRESENCES privileged intent.
const [gatewayUrl, token, guildCountText] = process.argv.slice(2);
const guildCount = Number(guildCountText);
const GUILDS = 1;

function fail(message) {
  console.error(`FAIL ${message}`);
  process.exit(1);
}

// Opens a connection and hands every payload to `onPayload`; resolves with the close code.
function connect(query, onPayload) {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${gatewayUrl}?${query}`);
    const timer = setTimeout(() => { socket.close(4000); resolve({ code: 'timeout' }); }, 10_000);
    socket.onmessage = (message) => onPayload(JSON.parse(message.data), socket);
    socket.onclose = (event) => { clearTimeout(timer); resolve({ code: event.code }); };
    socket.onerror = () => {};
  });
}

const send = (socket, op, d) => socket.send(JSON.stringify({ op, d }));
const identify = (socket, shard, intents = GUILDS, withToken = token) =>
  send(socket, 2, { token: withToken, intents, shard, properties: { os: 'linux', browser: 'raw', device: 'raw' } });

// Hello -> heartbeat -> ACK -> Identify -> READY -> one GUILD_CREATE per guild of the shard.
async function runShard(shardId, shardCount) {
  const guildIds = [];
  let ready = null;
  let acked = false;
  let expected = -1;
  await connect('v=10&encoding=json', (payload, socket) => {
    if (payload.op === 10) {
      if (!(payload.d.heartbeat_interval > 0)) fail('Hello without heartbeat_interval');
      send(socket, 1, null);
    } else if (payload.op === 11 && !acked) {
      acked = true;
      identify(socket, [shardId, shardCount]);
    } else if (payload.op === 0 && payload.t === 'READY') {
      ready = payload.d;
      expected = ready.guilds.length;
      if (expected === 0) socket.close(1000);
    } else if (payload.op === 0 && payload.t === 'GUILD_CREATE') {
      guildIds.push(payload.d.id);
      if (guildIds.length === expected) socket.close(1000);
    }
  });
  if (!ready) fail(`shard [${shardId}, ${shardCount}] never got READY`);
  if (!ready.session_id || !ready.resume_gateway_url) fail('READY lacks session_id or resume_gateway_url');
  if (ready.resume_gateway_url.startsWith(gatewayUrl)) fail('resume_gateway_url is the gateway URL');
  for (const id of guildIds) {
    if (Number((BigInt(id) >> 22n) % BigInt(shardCount)) !== shardId) {
      fail(`guild ${id} arrived on shard [${shardId}, ${shardCount}]`);
    }
  }
  return guildIds;
}

// More than 2,500 guilds: one shard is not allowed (4011), so the routing checks start at two.
for (const shardCount of [2, 3, 5]) {
  const seen = new Set();
  for (let shardId = 0; shardId < shardCount; shardId++) {
    for (const id of await runShard(shardId, shardCount)) {
      if (seen.has(id)) fail(`guild ${id} arrived twice under ${shardCount} shards`);
      seen.add(id);
    }
  }
  if (seen.size !== guildCount) fail(`${seen.size} of ${guildCount} guilds arrived under ${shardCount} shards`);
  console.log(`ok routing: ${shardCount} shard(s) received all ${guildCount} guilds exactly once`);
}

// One misbehaviour per documented close code.
const misbehaviours = [
  [4001, 'v=10&encoding=json', (s) => send(s, 99, null)],
  [4002, 'v=10&encoding=json', (s) => s.send('{not json')],
  [4003, 'v=10&encoding=json', (s) => send(s, 3, { since: null, activities: [], status: 'online', afk: false })],
  [4004, 'v=10&encoding=json', (s) => identify(s, [0, 2], GUILDS, 'not-the-token')],
  [4005, 'v=10&encoding=json', (s) => { identify(s, [1, 2]); identify(s, [1, 2]); }],
  [4008, 'v=10&encoding=json', (s) => { for (let i = 0; i < 121; i++) send(s, 1, null); }],
  [4010, 'v=10&encoding=json', (s) => identify(s, [3, 3])],
  [4011, 'v=10&encoding=json', (s) => identify(s, [0, 1])],
  [4012, 'v=5&encoding=json', () => {}],
  [4013, 'v=10&encoding=json', (s) => identify(s, [0, 2], 1 << 18)],
  // The emulator is started with only GUILD_PRESENCES enabled, so GUILD_MEMBERS is refused.
  [4014, 'v=10&encoding=json', (s) => identify(s, [0, 2], GUILDS | 2)],
];
for (const [code, query, misbehave] of misbehaviours) {
  const { code: closed } = await connect(query, (payload, socket) => {
    if (payload.op === 10) misbehave(socket);
  });
  if (closed !== code) fail(`expected close ${code}, got ${closed}`);
  console.log(`ok close ${code}`);
}
console.log('all checks passed');
