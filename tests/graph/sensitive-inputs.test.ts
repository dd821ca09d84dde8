import { readFileSync } from 'node:fs';
import { buildSchema, getNamedType, isInputObjectType, isObjectType, isScalarType, type GraphQLInputType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SCHEMA_DIR } from '@shop/kit';
import {
  looksSensitive,
  NOT_SENSITIVE_INPUTS,
  SENSITIVE_INPUTS,
  SENSITIVE_RECORD_FIELDS,
} from '../../schema/sensitive-inputs.js';

const api = buildSchema(readFileSync(`${SCHEMA_DIR}api.graphql`, 'utf8'));

/**
 * Every input field (`Type.field`) and argument (`Type.field(arg:)`) of the
 * client API that holds a scalar: an input object's own fields are decided one
 * by one, and an enum value is never a secret.
 */
function inputCoordinates(): { coordinate: string; name: string; type: GraphQLInputType }[] {
  const coordinates: { coordinate: string; name: string; type: GraphQLInputType }[] = [];
  for (const type of Object.values(api.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) coordinates.push({ coordinate: `${type.name}.${field.name}`, name: field.name, type: field.type });
    } else if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        for (const arg of field.args) coordinates.push({ coordinate: `${type.name}.${field.name}(${arg.name}:)`, name: arg.name, type: arg.type });
      }
    }
  }
  return coordinates;
}

describe('sensitive inputs (schema/sensitive-inputs.ts)', () => {
  const all = inputCoordinates();
  const known = new Set(all.map((c) => c.coordinate));

  it('every input whose name looks sensitive is marked or listed as not sensitive with a reason', () => {
    const undecided = all
      .filter(({ name, type }) => looksSensitive(name) && isScalarType(getNamedType(type)))
      .map(({ coordinate }) => coordinate)
      .filter((coordinate) => !(coordinate in SENSITIVE_INPUTS) && !(coordinate in NOT_SENSITIVE_INPUTS));
    expect(undecided, 'add each to SENSITIVE_INPUTS or NOT_SENSITIVE_INPUTS').toEqual([]);
    for (const reason of Object.values(NOT_SENSITIVE_INPUTS)) expect(reason.length).toBeGreaterThan(10);
  });

  it('names no coordinate the API does not have, and never both marks and clears one', () => {
    expect(Object.keys(SENSITIVE_INPUTS).filter((c) => !known.has(c))).toEqual([]);
    expect(Object.keys(NOT_SENSITIVE_INPUTS).filter((c) => !known.has(c))).toEqual([]);
    expect(Object.keys(SENSITIVE_INPUTS).filter((c) => c in NOT_SENSITIVE_INPUTS)).toEqual([]);
  });

  it('marks the credentials and card data of every sign-in, step-up and payment input', () => {
    for (const coordinate of [
      'StaffLoginInput.password',
      'CustomerLoginInput.password',
      'StepUpConfirmInput.password',
      'PaymentCardInput.number',
      'PaymentCardInput.cvc',
    ]) {
      expect(SENSITIVE_INPUTS[coordinate], coordinate).toMatch(/secret|payment/);
    }
  });

  it('record fields it redacts in change records are fields of the API types they name', () => {
    for (const coordinate of Object.keys(SENSITIVE_RECORD_FIELDS)) {
      const [entity, field] = coordinate.split('.') as [string, string];
      const type = api.getType(entity);
      expect(isObjectType(type) && field in type.getFields(), coordinate).toBe(true);
    }
  });

  it('the name test splits camelCase words', () => {
    expect(['password', 'postalCode', 'contactName', 'line1', 'expiryMonth', 'idempotencyKey'].every(looksSensitive)).toBe(true);
    expect(['company', 'title', 'quantity', 'panel', 'tokenizer'].some(looksSensitive)).toBe(false);
  });
});
