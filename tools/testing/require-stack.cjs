// Integration and e2e tests need the real servers. `npm test` starts them; running jest by hand
// without them should say so at once rather than time out test by test.
const net = require('node:net');

function reachable(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(1_000);
    socket.once('connect', () => resolve(socket.end() && true));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => resolve(socket.destroy() && false));
  });
}

module.exports = async function requireStack() {
  const servers = { Kafka: 9092, PostgreSQL: 5432, Redis: 6379 };
  const down = [];
  for (const [name, port] of Object.entries(servers)) if (!(await reachable(port))) down.push(`${name} (127.0.0.1:${port})`);
  if (down.length > 0) {
    throw new Error(`Not reachable: ${down.join(', ')}. Start the test stack with \`tools/stack/stack.sh up test\`, or run \`npm test\`, which does.`);
  }
};
