import { ValidationError, ValidationPipe } from '@nestjs/common';
import { validationFailed } from './domain-error';

function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    // class-validator names only the leaf property; name the full path so nested fields are findable.
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => {
      if (rule === 'whitelistValidation') return `${path} is not an allowed field`;
      return message.startsWith(`${error.property} `) ? `${path}${message.slice(error.property.length)}` : message;
    });
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/** Global validation: unknown fields are rejected, payloads are turned into DTO instances. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => validationFailed(...flatten(errors)),
  });
}
