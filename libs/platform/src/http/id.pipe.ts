import { Injectable, PipeTransform } from '@nestjs/common';
import { notFound } from '../errors/domain-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that cannot be one of ours is simply something that does not exist: 404, like any unknown id. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) throw notFound('Record');
    return value.toLowerCase();
  }
}
