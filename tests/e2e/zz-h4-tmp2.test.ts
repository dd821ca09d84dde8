// TEMPORARY (helper H4)
import { vi } from 'vitest';
vi.mock('../kit/console-stack.js', async () => (await import('./zz-h4-stack.js')).h4Stack());
await import('./console.test.js');
await import('./access.test.js');
