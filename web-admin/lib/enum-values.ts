/**
 * The values of a generated enum type (gql/graphql.ts), in the order the console lists them.
 * Enums are generated as string unions, which have no values at run time; this keeps the
 * lists that menus and URL checks need, and the compiler refuses a list that misses a value
 * of the schema's enum or names one it does not have.
 */
export function enumValues<T extends string>() {
  return <const V extends readonly T[]>(values: V & ([T] extends [V[number]] ? unknown : never)): V => values;
}
