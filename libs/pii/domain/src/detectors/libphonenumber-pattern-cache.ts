import path from 'node:path';

/**
 * libphonenumber-js (1.13.x) compiles a metadata pattern into a new RegExp on every check, which
 * makes one parse cost tens of microseconds, most of it compiling the same few hundred patterns
 * again. Its internal helper is looked up at call time, so replacing it with one that keeps each
 * compiled pattern makes parsing several times faster with identical results. The helper's file
 * is not an exported path of the package: it is loaded by its location, and if a new version
 * moves it, loading fails loudly here (and in the test) instead of silently slowing down.
 */
type MatchesEntirely = (text: string | undefined, pattern: string) => boolean;

const helperFile = path.join(path.dirname(require.resolve('libphonenumber-js/core')), '..', 'build', 'helpers', 'matchesEntirely.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- an internal file, found by path
const helper = require(helperFile) as { default: MatchesEntirely; cached?: true };

if (!helper.cached) {
  const compiled = new Map<string, RegExp>();
  helper.default = (text, pattern) => {
    let expression = compiled.get(pattern);
    if (!expression) {
      expression = new RegExp(`^(?:${pattern})$`);
      compiled.set(pattern, expression);
    }
    return expression.test(text || '');
  };
  helper.cached = true;
}

/** Whether libphonenumber-js's pattern checks go through the cache (for the test). */
export const libphonenumberPatternsCached = (): boolean => helper.cached === true;
