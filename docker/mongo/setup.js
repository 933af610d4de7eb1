// Runs at every `docker-compose up` once MongoDB is healthy, as the root user: the services'
// user `kim` with its password from KIM_MONGO_PASSWORD (created, or its password set again, so
// that a changed password takes effect with the next `up`). Each service keeps its read models in
// database kim-<service>; steering's rebuild fills a fresh database kim-steering-service-<suffix>
// and drops the one it replaces, so the user reads and writes any database and may drop one,
// but administers nothing (no users, no roles, no server settings).
const password = process.env.KIM_MONGO_PASSWORD;
if (!password) {
  throw new Error('KIM_MONGO_PASSWORD is not set');
}
const admin = db.getSiblingDB('admin');
if (!admin.getRole('kimDropDatabase')) {
  admin.createRole({
    role: 'kimDropDatabase',
    privileges: [{resource: {db: '', collection: ''}, actions: ['dropDatabase']}],
    roles: []
  });
}
const roles = [{role: 'readWriteAnyDatabase', db: 'admin'}, {role: 'kimDropDatabase', db: 'admin'}];
if (admin.getUser('kim')) {
  admin.updateUser('kim', {pwd: password, roles: roles});
} else {
  admin.createUser({user: 'kim', pwd: password, roles: roles});
}
print('MongoDB user kim is set.');
