import type { ReactNode } from 'react';

import { ConsoleShell } from '@/components/shell/console-shell';
import { getViewer } from '@/lib/viewer';

/** Every console page runs as the signed-in staff member; no session → /login (proxy.ts). */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  return (
    <ConsoleShell
      viewer={{
        displayName: viewer.displayName,
        email: viewer.email,
        roles: viewer.roles.map((role) => role.title),
        scopes: viewer.scopes,
      }}
    >
      {children}
    </ConsoleShell>
  );
}
