// The npm `webdav-server` package (v2) serving a folder on disk, as its own process so a test can
// stop, restart or kill it like any other server. Arguments: root port username password.
import { v2 as webdav } from "webdav-server";

const [root, port, username, password] = process.argv.slice(2);
const users = new webdav.SimpleUserManager();
const user = users.addUser(username, password, false);
const privileges = new webdav.SimplePathPrivilegeManager();
privileges.setRights(user, "/", ["all"]);
const server = new webdav.WebDAVServer({
  hostname: "127.0.0.1",
  port: Number(port),
  requireAuthentification: true,
  httpAuthentication: new webdav.HTTPBasicAuthentication(users, "arsipd-test"),
  privilegeManager: privileges,
  rootFileSystem: new webdav.PhysicalFileSystem(root),
});
server.start(() => process.stdout.write(`listening on ${port}\n`));
process.on("SIGTERM", () => server.stop(() => process.exit(0)));
