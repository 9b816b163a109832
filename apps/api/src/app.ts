import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { Runtime } from '@toc/runtime';
import { AppModule, commandControllers } from './app.module';
import { answerClientErrors } from './http/client-errors';
import { ErrorFilter } from './http/error.filter';
import { jsonBody } from './http/json-body';
import { Metrics } from './metrics/metrics';
import { requestMetrics } from './metrics/request-metrics';
import { describeHttp, operationId } from './http/openapi';
import { RateLimitModule } from './http/rate-limit.module';
import { validationPipe } from './http/validation';
import { Clock } from './runtime.module';

/** Headers a browser on an allowed origin may send and read. */
const CORS_REQUEST_HEADERS = ['Content-Type', 'Authorization', 'X-Api-Key', 'Idempotency-Key', 'If-Match', 'X-Source-App', 'X-Correlation-Id', 'X-Causation-Id', 'X-On-Behalf-Of'];
const CORS_RESPONSE_HEADERS = ['ETag', 'Location', 'Idempotent-Replayed', 'Retry-After'];

/** Builds the HTTP application around an opened runtime (tests pass their own runtime and clock). */
export const createApp = async (runtime: Runtime, options: { clock?: Clock; logger?: boolean } = {}): Promise<INestApplication> => {
  const { http } = runtime.config;
  // Nest's own body parser is off: jsonBody bounds what it reads and refuses what the validation pipe cannot take.
  const app = await NestFactory.create<NestExpressApplication>(RateLimitModule.around(AppModule.forRoot(runtime, options.clock, options.logger === false ? 'silent' : 'info'), http), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.use(requestMetrics(app.get(Metrics)));
  // TLS ends in front of the api, if anywhere: upgrading the docs' scripts to https would break /docs served over plain http.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  if (http.corsOrigins.length) app.enableCors({ origin: [...http.corsOrigins], allowedHeaders: CORS_REQUEST_HEADERS, exposedHeaders: CORS_RESPONSE_HEADERS, maxAge: 600 });
  app.use(jsonBody(http.maxBodyBytes));
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new ErrorFilter());
  answerClientErrors(app.getHttpServer());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Theory-of-change monitor')
      .setDescription(
        'Commands record every intervention step of the theory of change as immutable events; queries serve the outcome indicators, the audit trail and replays. ' +
          'Every request except /health needs credentials: an API key in X-Api-Key (or as a bearer token), or a person\'s signed token as Authorization: Bearer. ' +
          'The role of the credentials (recorder, evaluator, admin, monitor) decides what they may do, and the authenticated principal is recorded as the actor. ' +
          'Commands take Idempotency-Key to make retries safe, If-Match (the ETag) to guard against concurrent changes, and X-Source-App, X-Correlation-Id and X-Causation-Id to trace them. ' +
          'Every error is an RFC 9457 application/problem+json document whose errors name each field and the rule it broke.',
      )
      .setVersion('1')
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'api-key')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'jwt')
      .build(),
    { operationIdFactory: operationId },
  );
  SwaggerModule.setup('docs', app, describeHttp(document, commandControllers), { jsonDocumentUrl: 'openapi.json' });
  return app;
};
