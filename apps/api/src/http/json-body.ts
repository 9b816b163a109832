import { isUtf8 } from 'node:buffer';
import express, { NextFunction, Request, RequestHandler, Response } from 'express';
import { FieldError, MAX_FIELD_ERRORS, invalidInput, refusal } from './validation';

/** Deeper than any command body; class-transformer and class-validator recurse, so depth must be bounded before them. */
const MAX_DEPTH = 32;
/** Longer than any text field; the DTOs set the exact bound of each. */
const MAX_STRING_LENGTH = 10_000;
const MAX_KEY_LENGTH = 100;
/** More fields and items than any command has, so that validation work stays proportional to a real command. */
const MAX_FIELDS = 100;
const MAX_ITEMS = 1000;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** C0 controls other than tab, line feed and carriage return; DEL; C1 controls. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** A surrogate without its pair: JSON's \u escapes can write one, UTF-8 cannot carry it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Requests whose bytes were not UTF-8: their undecodable bytes became U+FFFD, which names the field they were in. */
const invalidUtf8 = new WeakSet<Request>();

const hasBody = (request: Request) => request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;

/** JSON in UTF-8 (RFC 8259 allows no other charset between systems), and no other parameter. */
const JSON_UTF8 = /^application\/json\s*(?:;\s*charset\s*=\s*(?:utf-8|"utf-8")\s*)?$/i;

const requireJson = (request: Request, _response: Response, next: NextFunction) => {
  const contentType = request.headers['content-type'] ?? '';
  if (!hasBody(request) || JSON_UTF8.test(contentType)) return next();
  const [rule, message] = /^application\/json\s*;/i.test(contentType)
    ? ['isUtf8', 'Content-Type must be application/json with no parameter other than charset=utf-8']
    : ['isJson', 'Content-Type must be application/json'];
  next(refusal(415, [{ field: 'header:Content-Type', rule, message }]));
};

/** An error of body-parser: http-errors with a `type`, or zlib's with a `code`. */
interface ParseError {
  readonly type?: string;
  readonly code?: string;
  readonly message: string;
}

const parseRefusal = (error: ParseError, maxBytes: number) => {
  if (error.type === 'entity.too.large') return refusal(413, [{ field: 'body', rule: 'maxBytes', message: `body must be at most ${maxBytes} bytes` }]);
  if (error.type === 'encoding.unsupported') {
    return refusal(415, [{ field: 'header:Content-Encoding', rule: 'isIn', message: 'Content-Encoding must be one of identity, gzip, deflate, br' }]);
  }
  if (error.code?.startsWith('Z_')) {
    return invalidInput([{ field: 'header:Content-Encoding', rule: 'matchesBody', message: 'body does not decode as its Content-Encoding says' }]);
  }
  if (error.type === 'entity.parse.failed') return invalidInput([{ field: 'body', rule: 'isJson', message: `body must be JSON: ${error.message}` }]);
  return invalidInput([{ field: 'body', rule: 'isComplete', message: `body could not be read: ${error.message}` }]);
};

const child = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

/** The rule a string (a value or a field name) breaks, if any. */
const stringRule = (text: string, maxLength: number, fromInvalidUtf8: boolean): Omit<FieldError, 'field'> | undefined => {
  if (text.length > maxLength) return { rule: 'maxLength', message: `must be at most ${maxLength} characters` };
  if ((fromInvalidUtf8 && text.includes('\uFFFD')) || LONE_SURROGATE.test(text)) return { rule: 'isUtf8', message: 'must be valid UTF-8' };
  if (CONTROL.test(text)) return { rule: 'noControlCharacters', message: 'must not contain control characters' };
  return undefined;
};

/**
 * What JSON.parse lets through and the validation pipe must not see: nesting deeper than
 * MAX_DEPTH, objects and arrays larger than any command, prototype keys, overlong strings,
 * control characters, bytes that were not UTF-8, and numbers beyond a double (1e309 parses as
 * Infinity).
 */
const bodyErrors = (body: unknown, fromInvalidUtf8 = false): FieldError[] => {
  const errors: FieldError[] = [];
  const refuse = (field: string, { rule, message }: Omit<FieldError, 'field'>) => errors.push({ field, rule, message: `${field} ${message}` });
  const visit = (value: unknown, path: string, depth: number): void => {
    if (errors.length >= MAX_FIELD_ERRORS) return;
    const field = path || 'body';
    if (typeof value === 'string') {
      const broken = stringRule(value, MAX_STRING_LENGTH, fromInvalidUtf8);
      if (broken) refuse(field, broken);
    } else if (typeof value === 'number' && !Number.isFinite(value)) {
      refuse(field, { rule: 'isFinite', message: 'must be a finite number' });
    } else if (typeof value === 'object' && value !== null) {
      if (depth >= MAX_DEPTH) return void refuse(field, { rule: 'maxDepth', message: `must not be nested more than ${MAX_DEPTH} levels deep` });
      if (Array.isArray(value)) {
        if (value.length > MAX_ITEMS) return void refuse(field, { rule: 'maxItems', message: `must not have more than ${MAX_ITEMS} items` });
        return value.forEach((item, index) => visit(item, child(path, index), depth + 1));
      }
      const entries = Object.entries(value);
      if (entries.length > MAX_FIELDS) return void refuse(field, { rule: 'maxProperties', message: `must not have more than ${MAX_FIELDS} fields` });
      for (const [key, item] of entries) {
        const name = child(path, key);
        const broken = stringRule(key, MAX_KEY_LENGTH, fromInvalidUtf8);
        // Refused as the validation pipe refuses any field it does not know.
        if (FORBIDDEN_KEYS.has(key)) errors.push({ field: name, rule: 'unknownField', message: `${name} is not an accepted field` });
        else if (broken) refuse(field, { ...broken, message: `has a field name that ${broken.message}` });
        else visit(item, name, depth + 1);
      }
    }
  };
  if (typeof body !== 'object' || body === null || Array.isArray(body)) refuse('body', { rule: 'isObject', message: 'must be a JSON object' });
  else visit(body, '', 0);
  return errors.slice(0, MAX_FIELD_ERRORS);
};

const inspect = (request: Request, _response: Response, next: NextFunction) => {
  if (!hasBody(request) || request.body === undefined) return next();
  const errors = bodyErrors(request.body, invalidUtf8.has(request));
  next(errors.length ? invalidInput(errors) : undefined);
};

/**
 * Reads JSON bodies in place of Nest's parser: bounded in size (413), UTF-8 JSON only (415 for
 * another media type, charset or content coding; 400 for a body that does not decode or parse),
 * then refused with a 400 naming the field when `bodyErrors` finds anything.
 */
export const jsonBody = (maxBytes: number): RequestHandler[] => {
  const parse = express.json({
    limit: maxBytes,
    strict: true,
    type: 'application/json',
    verify: (request, _response, bytes) => {
      if (!isUtf8(bytes)) invalidUtf8.add(request as Request);
    },
  });
  const parseJson: RequestHandler = (request, response, next) =>
    parse(request, response, (error?: ParseError) => next(error === undefined ? undefined : parseRefusal(error, maxBytes)));
  return [requireJson, parseJson, inspect];
};
