import { randomUUID } from 'node:crypto';
import { isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType, type GraphQLInputType } from 'graphql';

/**
 * The smallest value of an input type: required fields only, empty lists, unique
 * strings. Enough to pass validation and reach the policy or the resolver (which may
 * well answer with userErrors). `dateTime` is what DateTime fields get.
 */
export function sampleInput(type: GraphQLInputType, options: { prefix: string; dateTime: () => string }): unknown {
  if (isNonNullType(type)) return sampleInput(type.ofType, options);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, sampleInput(f.type, options)]),
    );
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID': return randomUUID();
      case 'Int': return 1;
      case 'Boolean': return false;
      case 'DateTime': return options.dateTime();
      case 'Decimal': return '1.00';
      default: return `${options.prefix}-${randomUUID().slice(0, 8)}`;
    }
  }
  throw new Error(`no sample for ${String(type)}`);
}
