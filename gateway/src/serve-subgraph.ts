/** One subgraph as its own process (distributed mode): `serve-subgraph.ts <name>`, DATABASE_URL required. */
import './telemetry-off.js';
import { connect, log } from '@shop/kit';
import { serveSubgraph } from '@shop/kit/subgraph-server';
import { DOMAIN_NAMES, SUBGRAPH_PORTS, type DomainName } from './domains.js';
import { subgraph } from './subgraphs.js';

const name = process.argv[2] as DomainName;
if (!DOMAIN_NAMES.includes(name) || !process.env.DATABASE_URL) {
  console.error(`usage: DATABASE_URL=... serve-subgraph.ts <${DOMAIN_NAMES.join('|')}>`);
  process.exit(2);
}
const database = connect(process.env.DATABASE_URL);
const server = await serveSubgraph(subgraph(name), database.db, SUBGRAPH_PORTS[name]);
log.info({ subgraph: name, port: SUBGRAPH_PORTS[name] }, 'subgraph listening');
const stop = () => server.close(() => void database.close().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Started by the launcher: its death (even by SIGKILL) closes the IPC channel; no orphan keeps the port.
process.on('disconnect', stop);
