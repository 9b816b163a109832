import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyStore } from '@toc/runtime';
import { Logged } from '../access-log/logged';
import { Allow } from './allow';
import { CreateApiKeyDto } from './api-key.dto';

@ApiTags('admin')
@Controller('v1/admin/keys')
@Allow('admin')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeyStore) {}

  @Post()
  @Logged('create-api-key')
  @ApiOperation({ summary: 'Create an API key for an internal app; the key is in this answer only and is never shown again' })
  create(@Body() body: CreateApiKeyDto) {
    return this.keys.create({ name: body.name, roles: body.roles, mayActOnBehalf: body.mayActOnBehalf ?? false });
  }

  @Get()
  @ApiOperation({ summary: 'Every API key with its name, roles and whether it was revoked (never the key itself)' })
  list() {
    return this.keys.list();
  }

  @Delete(':keyId')
  @HttpCode(204)
  @Logged('revoke-api-key', 'keyId')
  @ApiOperation({ summary: 'Revoke an API key: it stops working at the next request; it stays listed so its events stay explainable' })
  async revoke(@Param('keyId') keyId: string) {
    if (!(await this.keys.revoke(keyId))) throw new NotFoundException(`no active API key ${keyId}`);
  }
}
