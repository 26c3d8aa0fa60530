import { beforeAll } from 'vitest';
import { postgresAlternatingUsers, postgresSingleUser } from '../../../src/rotation/postgres/index.js';
import { type DatabaseAdmin, postgresAdmin } from '../../support/databases/admin.js';
import { usePostgres } from '../../support/databases/index.js';
import { rotationSuite } from '../../support/databases/rotation-suite.js';

const server = usePostgres();
let admin: DatabaseAdmin | undefined;
beforeAll(async () => {
  admin = await postgresAdmin(server());
});

rotationSuite({
  name: 'PostgreSQL',
  server,
  admin: () => admin!,
  singleUser: () => postgresSingleUser({ tls: 'disable' }),
  singleUserDefaults: () => postgresSingleUser(),
  alternatingUsers: () => postgresAlternatingUsers({ tls: 'disable' }),
});
