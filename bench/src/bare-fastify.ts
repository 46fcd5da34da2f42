// The baseline of the gateway benchmark: a bare Fastify endpoint that parses a JSON body and
// answers, in its own process like the gateway. Port in argv[2].
import Fastify from 'fastify';

const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });
app.post('/v1/echo', async (request, reply) => reply.status(202).send({ status: 'accepted', size: JSON.stringify(request.body).length }));
app.listen({ host: '127.0.0.1', port: Number(process.argv[2]) }).then(
  () => process.stdout.write('ready\n'),
  (error: unknown) => {
    process.stderr.write(`bare fastify failed: ${String(error)}\n`);
    process.exit(1);
  },
);
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
