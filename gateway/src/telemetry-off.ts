// Imported first by every entry point: @apollo/gateway >= 2.14 probes cloud
// metadata addresses and reports usage unless this is set before it loads,
// and Next.js collects telemetry too: the project sends nothing off the machine.
process.env.APOLLO_TELEMETRY_DISABLED = '1';
process.env.NEXT_TELEMETRY_DISABLED = '1';
export {};
