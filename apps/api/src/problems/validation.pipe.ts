import { ValidationError, ValidationPipe } from '@nestjs/common';
import { describeConstraint } from '@sunshine/application';
import { FieldProblem, ValidationFailed } from '@sunshine/domain';

const problems = (errors: ValidationError[], prefix = ''): FieldProblem[] =>
  errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {})
      .slice(0, 1)
      .map(([name, message]) => ({ path, ...describeConstraint(name, message) }));
    return [...own, ...problems(error.children ?? [], path)];
  });

/** Query and path parameters: whitelisted, unknown ones refused, each problem named by field. */
export const queryValidationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: (errors) => new ValidationFailed(problems(errors)),
});
