import { createServer, type Server } from 'node:http';
import { once } from 'node:events';

export const WHATSAPP_TOKEN = 'wa-test-token';
const TOKEN = WHATSAPP_TOKEN;

/**
 * A fake WhatsApp provider on loopback that checks each request against the Meta Cloud API
 * message-template shape (answering 400 to anything else) and answers scripted statuses per number.
 */
export async function fakeWhatsApp() {
  const accepted: { to: string; template: { name: string; language: { code: string }; components: { parameters: { text: string }[] }[] } }[] = [];
  const malformed: string[] = [];
  const script = new Map<string, number[]>();
  // While holding, a valid request waits unanswered (not accepted, as a provider still working on it); one
  // whose client goes away meanwhile is dropped, never sent.
  let holding = false;
  const held = new Set<() => void>();
  const dropped: string[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const problem = shapeProblem(req.method, req.headers, raw);
      if (problem) {
        malformed.push(problem);
        return res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: problem, code: 100 } }));
      }
      const body = JSON.parse(raw);
      const answer = () => {
        accepted.push(body);
        const status = script.get(body.to)?.shift() ?? 200;
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(status < 300 ? { messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id: `wamid.${accepted.length}` }] } : { error: { message: 'scripted', code: status } }));
      };
      if (!holding) return answer();
      held.add(answer);
      res.once('close', () => {
        if (held.delete(answer)) dropped.push(body.to);
      });
    });
  }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/v21.0/1234567890/messages`,
    accepted,
    malformed,
    script,
    dropped,
    to: (phone: string) => accepted.filter((a) => a.to === phone),
    hold: () => (holding = true),
    held: () => held.size,
    /** Stops holding and answers what still waits. */
    release: () => {
      holding = false;
      for (const answer of [...held]) {
        held.delete(answer);
        answer();
      }
    },
    close: () => new Promise((r) => server.close(r)),
  };
}

function shapeProblem(method: string | undefined, headers: Record<string, unknown>, raw: string): string | null {
  if (method !== 'POST') return 'method must be POST';
  if (headers.authorization !== `Bearer ${TOKEN}`) return 'bad bearer token';
  if (!String(headers['content-type']).startsWith('application/json')) return 'content-type must be JSON';
  const b = JSON.parse(raw);
  if (b.messaging_product !== 'whatsapp') return 'messaging_product';
  if (!/^\d{8,15}$/.test(b.to)) return 'to must be digits (E.164 without +)';
  if (b.type !== 'template') return 'type';
  if (!/^[a-z0-9_]+$/.test(b.template?.name ?? '')) return 'template.name';
  if (!['id', 'en'].includes(b.template?.language?.code)) return 'template.language.code';
  const ok = Array.isArray(b.template.components) && b.template.components.every((c: any) => c.type === 'body' && c.parameters.every((p: any) => p.type === 'text' && typeof p.text === 'string' && p.text.length > 0));
  return ok ? null : 'components';
}
