import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { AccessLog, Runtime } from '@toc/runtime';
import { AccessLogController } from './access-log/access-log.controller';
import { AccessLogInterceptor } from './access-log/access-log.interceptor';
import { AdminController } from './admin/admin.controller';
import { AuditController } from './audit/audit.controller';
import { ApiKeysController } from './auth/api-keys.controller';
import { AuthGuard } from './auth/auth.guard';
import { AnalysesController } from './commands/analyses/analyses.controller';
import { AssociationsController } from './commands/associations/associations.controller';
import { CoursesController } from './commands/courses/courses.controller';
import { EvaluationController } from './commands/evaluation/evaluation.controller';
import { ForumsController } from './commands/forums/forums.controller';
import { NetworkController } from './commands/network/network.controller';
import { ResourcesController } from './commands/resources/resources.controller';
import { RetractionsController } from './commands/retractions/retractions.controller';
import { SeminarsController } from './commands/seminars/seminars.controller';
import { StaffController } from './commands/staff/staff.controller';
import { SurveysController } from './commands/surveys/surveys.controller';
import { WorkshopsController } from './commands/workshops/workshops.controller';
import { CommandSender, ExecuteCommandHandler } from './commands/command-sender';
import { HealthController } from './health/health.controller';
import { loggingModule } from './http/logging';
import { IndicatorsController } from './indicators/indicators.controller';
import { Metrics } from './metrics/metrics';
import { MetricsController } from './metrics/metrics.controller';
import { ReadModelAccess } from './indicators/read-model-access';
import { ModelController } from './model/model.controller';
import { PERSONAL_DATA, PeopleController } from './people/people.controller';
import { Clock, RuntimeModule } from './runtime.module';
import { StreamsController } from './streams/streams.controller';

export const commandControllers = [AssociationsController, StaffController, ResourcesController, AnalysesController, EvaluationController, CoursesController, WorkshopsController, SeminarsController, NetworkController, SurveysController, ForumsController, RetractionsController];

@Module({})
export class AppModule {
  static forRoot(runtime: Runtime, clock?: Clock, logLevel = 'info'): DynamicModule {
    return {
      module: AppModule,
      imports: [loggingModule(logLevel), CqrsModule.forRoot(), TerminusModule, RuntimeModule.forRoot(runtime, clock)],
      controllers: [...commandControllers, StreamsController, ModelController, IndicatorsController, AuditController, HealthController, MetricsController, AdminController, ApiKeysController, PeopleController, AccessLogController],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        Metrics,
        CommandSender,
        ExecuteCommandHandler,
        ReadModelAccess,
        { provide: PERSONAL_DATA, useValue: runtime.people },
        { provide: AccessLog, useValue: runtime.accessLog },
        { provide: APP_INTERCEPTOR, useClass: AccessLogInterceptor },
      ],
    };
  }
}
