import { beforeAll } from 'vitest';
import { mysqlAlternatingUsers, mysqlSingleUser } from '../../../src/rotation/mysql/index.js';
import { type DatabaseAdmin, mariadbAdmin } from '../../support/databases/admin.js';
import { useMariaDb } from '../../support/databases/index.js';
import { rotationSuite } from '../../support/databases/rotation-suite.js';

const server = useMariaDb();
let admin: DatabaseAdmin | undefined;
beforeAll(async () => {
  admin = await mariadbAdmin(server());
});

rotationSuite({
  name: 'MariaDB',
  server,
  admin: () => admin!,
  singleUser: () => mysqlSingleUser({ tls: 'disable' }),
  singleUserDefaults: () => mysqlSingleUser(),
  alternatingUsers: () => mysqlAlternatingUsers({ tls: 'disable' }),
});
