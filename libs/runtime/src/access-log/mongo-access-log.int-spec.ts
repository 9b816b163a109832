import { mongoTestDatabase } from '../../../../test/mongo-test-database';
import { describeAccessLogContract } from './access-log.contract';
import { MongoAccessLog } from './mongo-access-log';

const database = mongoTestDatabase('toc_access_log');

describeAccessLogContract('MongoAccessLog', () => MongoAccessLog.fromClient(database.admin(), database.name));
