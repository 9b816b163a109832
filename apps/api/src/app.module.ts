import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Runtime } from '@toc/runtime';
import { AdminController } from './admin/admin.controller';
import { AssociationsController } from './commands/associations/associations.controller';
import { CommandSender, RunDomainCommandHandler } from './commands/command-sender';
import { IndicatorsController } from './indicators/indicators.controller';
import { ReadModelAccess } from './indicators/read-model-access';
import { ModelController } from './model/model.controller';
import { Clock, RuntimeModule } from './runtime.module';
import { StreamsController } from './streams/streams.controller';

export const commandControllers = [AssociationsController];

@Module({})
export class AppModule {
  static forRoot(runtime: Runtime, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot(), RuntimeModule.forRoot(runtime, clock)],
      controllers: [...commandControllers, StreamsController, ModelController, IndicatorsController, AdminController],
      providers: [CommandSender, RunDomainCommandHandler, ReadModelAccess],
    };
  }
}
