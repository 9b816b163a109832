import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Runtime } from '@toc/runtime';
import { AppModule } from './app.module';
import { ErrorFilter } from './http/error.filter';
import { validationPipe } from './http/validation';
import { Clock } from './runtime.module';

/** Builds the HTTP application around an opened runtime (tests pass their own runtime and clock). */
export const createApp = async (runtime: Runtime, options: { clock?: Clock; logger?: boolean } = {}): Promise<INestApplication> => {
  const app = await NestFactory.create(AppModule.forRoot(runtime, options.clock), { logger: options.logger === false ? false : ['error', 'warn', 'log'] });
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new ErrorFilter());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Theory-of-change monitor')
      .setDescription(
        'Commands record every intervention step of the theory of change as immutable events; queries serve the outcome indicators, the audit trail and replays. ' +
          'Every command needs the headers X-Actor-Id and X-Actor-Role; send Idempotency-Key to make retries safe and If-Match (the ETag) to guard against concurrent changes.',
      )
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json' });
  return app;
};
