import net from 'node:net';
import tls from 'node:tls';

/**
 * A listener on 127.0.0.1 that speaks just enough of PostgreSQL's wire protocol to see
 * what a client would send it (issue 12): it answers an SSLRequest with "N" (no TLS), or —
 * given a certificate — with "S" and a TLS handshake; then asks for the password in clear
 * text (AuthenticationCleartextPassword), records it, and refuses it (28P01).
 * The certificates in helpers/tls/ are a test authority made for this only (ca.pem; server.pem
 * for 127.0.0.1 and localhost; other.pem for otro-servidor), valid for 100 years.
 */
export interface FakePostgres {
  port: number;
  /** Every password a client sent, in order. */
  passwords: string[];
  /** How many TLS handshakes completed (the client trusted the certificate). */
  tlsSessions: number;
  close(): Promise<void>;
}

const SSL_REQUEST = 80877103;

const field = (code: string, value: string) => Buffer.concat([Buffer.from(code), Buffer.from(value, 'utf8'), Buffer.from([0])]);

function message(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([head, body]);
}

export async function fakePostgres(opts: { tls?: { key: string; cert: string } } = {}): Promise<FakePostgres> {
  const passwords: string[] = [];
  const sockets = new Set<net.Socket>();
  const state = { tlsSessions: 0 };

  function speak(sock: net.Socket, plain: boolean): void {
    let buf = Buffer.alloc(0);
    let started = false;
    const onData = (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      for (;;) {
        if (!started) {
          if (buf.length < 8) return;
          const len = buf.readInt32BE(0);
          if (buf.length < len) return;
          const code = buf.readInt32BE(4);
          buf = buf.subarray(len);
          if (code === SSL_REQUEST) {
            if (opts.tls && plain) {
              sock.off('data', onData);
              sock.write('S');
              const secure = new tls.TLSSocket(sock, { isServer: true, key: opts.tls.key, cert: opts.tls.cert });
              secure.on('secure', () => state.tlsSessions++);
              secure.on('error', () => undefined);
              speak(secure, false);
              return;
            }
            sock.write('N');
            continue;
          }
          started = true;
          const auth = Buffer.alloc(4);
          auth.writeInt32BE(3, 0); // AuthenticationCleartextPassword
          sock.write(message('R', auth));
          continue;
        }
        if (buf.length < 5) return;
        const len = buf.readInt32BE(1);
        if (buf.length < 1 + len) return;
        const type = String.fromCharCode(buf[0]!);
        const body = buf.subarray(5, 1 + len);
        buf = buf.subarray(1 + len);
        if (type === 'p') {
          const end = body.indexOf(0);
          passwords.push(body.subarray(0, end < 0 ? body.length : end).toString('utf8'));
          const error = Buffer.concat([
            field('S', 'FATAL'),
            field('V', 'FATAL'),
            field('C', '28P01'),
            field('M', 'password authentication failed'),
            Buffer.from([0]),
          ]);
          sock.end(message('E', error));
          return;
        }
      }
    };
    sock.on('data', onData);
  }

  const server = net.createServer((sock) => {
    sockets.add(sock);
    sock.on('close', () => sockets.delete(sock));
    sock.on('error', () => undefined);
    speak(sock, true);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    passwords,
    get tlsSessions() {
      return state.tlsSessions;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
