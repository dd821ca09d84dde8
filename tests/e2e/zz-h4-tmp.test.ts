// TEMPORARY (helper H4): runs catalog.test.ts against a console built in .h4-wa. Deleted before the report.
import { vi } from 'vitest';
vi.mock('../kit/console-stack.js', async () => (await import('./zz-h4-stack.js')).h4Stack());
await import('./catalog.test.js');
