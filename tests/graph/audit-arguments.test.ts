import { readFileSync } from 'node:fs';
import { buildSchema, getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SCHEMA_DIR } from '@shop/kit';
import { auditedOperation, NOT_RESOLVED } from '@shop/gateway/audit/resolved-arguments';
import { echoMask, sensitiveValuesOf } from '@shop/gateway/audit/sensitive-values';

const api = buildSchema(readFileSync(`${SCHEMA_DIR}api.graphql`, 'utf8'));

function audit(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = getOperationAST(document)!;
  return {
    audited: auditedOperation(api, document, operation, variables),
    values: sensitiveValuesOf(api, document, operation, variables),
  };
}

describe('audited arguments', () => {
  it('a password in a variable named anything is redacted; the email beside it too, by coordinate', () => {
    const { audited, values } = audit(
      `mutation ($e: String!, $p: String!) { staffLogin(input: { email: $e, password: $p }) { token } }`,
      { e: 'a@b.test', p: 'hunter2-secret' },
    );
    expect(audited).toEqual({ rootFields: ['staffLogin'], arguments: { staffLogin: { input: { email: '[REDACTED]', password: '[REDACTED]' } } } });
    expect([...values].sort()).toEqual(['a@b.test', 'hunter2-secret']);
  });

  it('inline values are resolved and stored, keyed by alias, through fragments, in lists of nested inputs', () => {
    const { audited } = audit(`
      mutation { ...Two }
      fragment Two on Mutation {
        till: orderCreate(input: { channel: POINT_OF_SALE, lines: [{ variantId: "v1", quantity: 2 }], address: { name: "Somchai", country: "TH" } }) { __typename }
        ... on Mutation { other: orderCreate(input: { channel: POINT_OF_SALE, lines: [] }) { __typename } }
      }`);
    expect(audited.rootFields).toEqual(['orderCreate']);
    expect(audited.arguments).toEqual({
      till: { input: { channel: 'POINT_OF_SALE', lines: [{ variantId: 'v1', quantity: 2 }], address: { name: '[REDACTED]', country: 'TH' } } },
      other: { input: { channel: 'POINT_OF_SALE', lines: [] } },
    });
  });

  it('fields left out by @skip/@include are not audited', () => {
    const { audited } = audit(
      `mutation ($no: Boolean!) { a: staffLogout(input: {}) @include(if: $no) { endedSessions } b: customerLogout(input: {}) @skip(if: $no) { __typename } }`,
      { no: false },
    );
    expect(Object.keys(audited.arguments)).toEqual(['b']);
  });

  it('variables that do not coerce leave a note, never the raw values, and their leaves are still found for masking', () => {
    const { audited, values } = audit(`mutation ($q: StepUpConfirmInput!) { stepUpConfirm(input: $q) { stepUpToken } }`, {
      q: { password: { nested: 'canary-secret-1' } },
    });
    expect(audited.arguments).toEqual({ stepUpConfirm: NOT_RESOLVED });
    expect(values).toEqual(new Set(['nested', 'canary-secret-1']));
  });

  it('an invalid inline literal leaves a note', () => {
    const { audited, values } = audit(`mutation { stepUpConfirm(input: { password: 42424242 }) { stepUpToken } }`);
    expect(audited.arguments).toEqual({ stepUpConfirm: NOT_RESOLVED });
    expect(values).toEqual(new Set(['42424242']));
  });

  it('the echo mask replaces whole values, their JSON-escaped form, and short values only where quoted', () => {
    const mask = echoMask(['pa"ss-word', 'ab'])!;
    expect(mask('got "pa\\"ss-word" and pa"ss-word')).toBe('got "[REDACTED]" and [REDACTED]');
    expect(mask('value "ab" in tabs')).toBe('value "[REDACTED]" in tabs');
    expect(echoMask([])).toBeNull();
  });
});
