import type { Principal } from '@shop/kit';
import { ALL_SCOPES } from '../../schema/scopes.js';

/**
 * A staff member holding every scope: subgraph tests run as this caller, since
 * field policy is the gateway's job and is tested through it (tests/graph).
 */
export const TEST_OPERATOR: Principal = {
  kind: 'staff',
  staffId: '00000000-0000-4000-8000-0000000000aa',
  sessionId: '00000000-0000-4000-8000-0000000000ab',
  roles: ['owner'],
  scopes: [...ALL_SCOPES],
  stepUpUntil: null,
};
