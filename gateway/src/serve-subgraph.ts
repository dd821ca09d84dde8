/** One subgraph as its own process (distributed mode): `serve-subgraph.ts <name>`, DATABASE_URL required. */
import './telemetry-off.js';
import { connect, log } from '@shop/kit';
import { serveSubgraph } from '@shop/kit/subgraph-server';
import { DOMAIN_NAMES, SUBGRAPH_PORTS, subgraphUrl, type DomainName } from './domains.js';
import { subgraph } from './subgraphs.js';

const name = process.argv[2] as DomainName;
if (!DOMAIN_NAMES.includes(name) || !process.env.DATABASE_URL) {
  console.error(`usage: DATABASE_URL=... serve-subgraph.ts <${DOMAIN_NAMES.join('|')}>`);
  process.exit(2);
}
const database = connect(process.env.DATABASE_URL);
// The port of SUBGRAPH_<NAME>_URL when set, so the gateway and the subgraph agree on it.
const port = Number(new URL(subgraphUrl(name)).port) || SUBGRAPH_PORTS[name];
const server = await serveSubgraph(subgraph(name), database.db, port);
log.info({ subgraph: name, port }, 'subgraph listening');
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close(() => void database.close().then(() => process.exit(0)));
};
process.on('SIGTERM', stop);
if (process.connected) {
  // Started by the launcher: its death (even by SIGKILL) closes the IPC channel; no orphan keeps the port.
  process.on('disconnect', stop);
  // A terminal's Ctrl-C reaches the whole process group; the launcher stops this process
  // (SIGTERM) once the gateway has drained the requests that still need it.
  process.on('SIGINT', () => {});
} else {
  process.on('SIGINT', stop);
}
