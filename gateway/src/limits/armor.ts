import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GatewayContext } from '../context.js';

/**
 * Nesting of fields; fragments do not count as levels. A `__schema` field is exempt
 * (GraphiQL's own introspection nests deeper) and only schema:read holders may use it.
 */
export const MAX_DEPTH = 12;
export const MAX_ALIASES = 30;
export const MAX_DIRECTIVES = 30;
/** Lexer tokens in one document, enforced by graphql-js's parser (Apollo `parseOptions`). */
export const MAX_TOKENS = 5_000;

/**
 * Shape limits from graphql-armor, as validation rules: they depend on the
 * document alone, so Apollo Server's per-document validation cache suits them
 * (unlike permissions, which differ per caller on the same document). Tokens are limited by the parser instead of
 * armor's plugin, and cost by our own plugin (it needs variables and the
 * caller). armor 3.2 counts an operation or fragment named `__schema` like any
 * other (older armor let such a name skip the depth limit; tests/graph/limits.test.ts keeps it so).
 * Field suggestions ("Did you mean …") would reveal fields to callers who may
 * not introspect: kit/error-mask.ts strips them from every message on every
 * path. armor's own blocker is off: it misses enum-value suggestions and
 * assigns `message` on every error, which throws on getter-only messages
 * (DOMException from a fetch timeout) and turns the answer into a 500.
 */
export function shapeLimits() {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: MAX_DEPTH, flattenFragments: true },
    maxAliases: { n: MAX_ALIASES },
    maxDirectives: { n: MAX_DIRECTIVES },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  // armor's plugins read nothing from the context, so they fit any context type.
  return { plugins: plugins as ApolloServerPlugin<GatewayContext>[], validationRules, parseOptions: { maxTokens: MAX_TOKENS } };
}
