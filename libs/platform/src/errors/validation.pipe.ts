import { ValidationError, ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { validationFailed } from './domain-error';
import { loneSurrogatePaths, shapeProblems } from './payload-shape';

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

/** Deeper than any of our DTOs (a workshop's sessions are 3 levels): more is an attack or a bug. */
export const MAX_PAYLOAD_DEPTH = 32;

/** Whether objects and arrays nest deeper than `max`; walks without recursion, and stops at the first too deep. */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

/**
 * class-transformer recurses once per level: a 10 KB body nested 5,000 deep overflows the stack (a 500 for
 * anyone, login included). The depth is checked first, without recursion, for HTTP and socket payloads alike.
 */
class DepthLimitedValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Only what becomes a DTO instance: not a gateway's socket ('custom'), nor a payload left as it is.
    if (metadata.type !== 'custom' && this.toValidate(metadata) && nestedDeeperThan(value, MAX_PAYLOAD_DEPTH)) {
      throw validationFailed(`${metadata.type === 'body' ? 'body' : metadata.type} must not nest objects or arrays more than ${MAX_PAYLOAD_DEPTH} levels deep`);
    }
    if (metadata.type !== 'custom' && this.toValidate(metadata)) {
      const where = metadata.type === 'body' ? 'body' : (metadata.data ?? metadata.type);
      const problems = [
        ...loneSurrogatePaths(value, where).map((path) => `${path} must be well-formed Unicode text (it holds half of a surrogate pair)`),
        ...(metadata.type === 'body' ? shapeProblems(value, metadata.metatype) : []),
      ];
      if (problems.length > 0) throw validationFailed(...problems);
    }
    return super.transform(value, metadata);
  }
}

/** Global validation: unknown fields are rejected, payloads are turned into DTO instances. */
export function createValidationPipe(): ValidationPipe {
  return new DepthLimitedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => validationFailed(...flatten(errors)),
  });
}
