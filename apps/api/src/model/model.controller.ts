import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { capacityInstruments, indicatorCatalogue, surveyStatements, taskForceIntegration2010 } from '@toc/domain';
import { Allow } from '../auth/allow';

@ApiTags('model')
@Controller('v1')
@Allow('recorder', 'evaluator', 'admin')
export class ModelController {
  @Get('theory-of-change')
  @ApiOperation({ summary: 'The theory of change: frame, levels, nodes and links (Danish and English)' })
  model() {
    return taskForceIntegration2010;
  }

  @Get('indicator-definitions')
  @ApiOperation({ summary: 'The indicator catalogue: definitions, units, baselines, targets and breakdowns' })
  definitions() {
    return indicatorCatalogue;
  }

  @Get('instruments')
  @ApiOperation({ summary: 'Capacity-assessment instruments and survey statements' })
  instruments() {
    return { capacityInstruments, surveyStatements };
  }
}
