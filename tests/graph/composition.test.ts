import { describe, expect, it } from 'vitest';
import { compose, staleFiles, withoutSecurityPurpose } from '@shop/gateway/compose';

describe('composition', () => {
  it('composes every subgraph without errors or hints', () => {
    expect(() => compose()).not.toThrow();
  });

  it('the committed schema/ files equal a fresh composition (run pnpm compose when this fails)', () => {
    expect(staleFiles()).toEqual([]);
  });

  it('the gateway copy drops only the SECURITY purpose of the auth links', () => {
    const link = '@link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)';
    expect(withoutSecurityPurpose(link)).toBe('@link(url: "https://specs.apollo.dev/requiresScopes/v0.1")');
    const join = '@link(url: "https://specs.apollo.dev/join/v0.5", for: EXECUTION)';
    expect(withoutSecurityPurpose(join)).toBe(join);
  });
});
