import { IsString, Length, Matches } from 'class-validator';

/**
 * A required text input of 1 to `max` characters that is not only whitespace, with the
 * messages every input uses ("must be between 1 and N characters", "must not be blank").
 */
export function NonBlankText(max: number): PropertyDecorator {
  // In the order TypeScript applies stacked decorators (bottom first), so errors list as before.
  const decorators = [Matches(/\S/, { message: 'must not be blank' }), Length(1, max, { message: `must be between 1 and ${max} characters` }), IsString()];
  return (target, key) => {
    for (const decorate of decorators) decorate(target, key);
  };
}
