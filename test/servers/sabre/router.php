<?php
/**
 * Router for `php -S`: an OwnCloud-shaped test server on SabreDAV 1.8.
 *   /status.php                         OwnCloud status JSON (maintenance from the control folder)
 *   /ocs/v{1,2}.php/cloud/capabilities  capabilities (JSON with ?format=json, else XML)
 *   /ocs/v1.php/cloud/user              the user
 *   /remote.php/dav/files/<user>/…      the user's root folder over WebDAV
 *   /remote.php/webdav/…                the same folder (legacy endpoint)
 *   /ocs/v{1,2}.php/apps/files_sharing/…, /index.php/s/<token>/download   public links (Shares.php)
 * Configuration: env ARSIP_SABRE_CONTROL names the control folder holding config.json
 * ({root, username, password}); the file `maintenance` there switches maintenance mode on.
 */

error_reporting(E_ALL & ~E_DEPRECATED & ~E_USER_DEPRECATED);
ini_set('display_errors', '0');
ini_set('log_errors', '1');

$control = getenv('ARSIP_SABRE_CONTROL');
$cfg = json_decode(file_get_contents($control . '/config.json'), true);
$user = $cfg['username'];
$maintenance = file_exists($control . '/maintenance');
$uri = $_SERVER['REQUEST_URI'];
$path = parse_url($uri, PHP_URL_PATH);
$query = [];
parse_str(parse_url($uri, PHP_URL_QUERY) ?? '', $query);

function send_json(int $code, $body): void {
    http_response_code($code);
    header('Content-Type: application/json; charset=utf-8');
    echo json_encode($body);
}

function authorized(array $cfg): bool {
    $h = $_SERVER['HTTP_AUTHORIZATION'] ?? '';
    if (!preg_match('/^Basic\s+(\S+)$/i', $h, $m)) return false;
    $pair = base64_decode($m[1], true);
    if ($pair === false || !str_contains($pair, ':')) return false;
    [$u, $p] = explode(':', $pair, 2);
    return hash_equals($cfg['username'], $u) && hash_equals($cfg['password'], $p);
}

function deny(): void {
    http_response_code(401);
    header('WWW-Authenticate: Basic realm="ownCloud", charset="UTF-8"');
    header('Content-Type: application/xml; charset=utf-8');
    echo '<?xml version="1.0" encoding="utf-8"?>' . "\n"
        . '<d:error xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns"><s:exception>Sabre\DAV\Exception\NotAuthenticated</s:exception>'
        . '<s:message>Username or password was incorrect</s:message></d:error>';
}

function ocs(array $data, array $query, int $v): void {
    $ok = $v === 1 ? 100 : 200;
    $meta = ['status' => 'ok', 'statuscode' => $ok, 'message' => 'OK'];
    if (($query['format'] ?? '') === 'json') {
        send_json(200, ['ocs' => ['meta' => $meta, 'data' => $data]]);
        return;
    }
    $xml = new SimpleXMLElement('<ocs/>');
    $m = $xml->addChild('meta');
    foreach ($meta as $k => $val) $m->addChild($k, (string)$val);
    $toXml = function (SimpleXMLElement $el, array $a) use (&$toXml) {
        foreach ($a as $k => $val) {
            $name = is_int($k) ? 'element' : $k;
            if (is_array($val)) $toXml($el->addChild($name), $val);
            else $el->addChild($name, is_bool($val) ? ($val ? '1' : '') : htmlspecialchars((string)$val));
        }
    };
    $toXml($xml->addChild('data'), $data);
    header('Content-Type: text/xml; charset=UTF-8');
    echo $xml->asXML();
}

if ($path === '/status.php') {
    send_json(200, ['installed' => true, 'maintenance' => $maintenance, 'needsDbUpgrade' => false,
        'version' => '10.13.0.0', 'versionstring' => '10.13.0', 'edition' => 'Community', 'productname' => 'ownCloud']);
    return true;
}

if ($maintenance) {
    http_response_code(503);
    header('Content-Type: application/xml; charset=utf-8');
    echo '<?xml version="1.0" encoding="utf-8"?>' . "\n" . '<d:error xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns">'
        . '<s:exception>Sabre\DAV\Exception\ServiceUnavailable</s:exception><s:message>System in maintenance mode.</s:message></d:error>';
    return true;
}

if (preg_match('#^/ocs/v([12])\.php/cloud/(capabilities|user)/?$#', $path, $mm)) {
    if (!authorized($cfg)) { deny(); return true; }
    $v = (int)$mm[1];
    if ($mm[2] === 'user') {
        ocs(['id' => $user, 'display-name' => $user, 'email' => null], $query, $v);
        return true;
    }
    ocs([
        'version' => ['major' => 10, 'minor' => 13, 'micro' => 0, 'string' => '10.13.0', 'edition' => 'Community'],
        'capabilities' => [
            'core' => ['pollinterval' => 60, 'webdav-root' => 'remote.php/webdav', 'status' => ['installed' => true, 'maintenance' => false, 'version' => '10.13.0.0', 'versionstring' => '10.13.0', 'edition' => 'Community', 'productname' => 'ownCloud']],
            'dav' => ['chunking' => '1.0', 'reports' => ['search-files']],
            'checksums' => ['supportedTypes' => ['SHA1'], 'preferredUploadType' => 'SHA1'],
            'files' => ['bigfilechunking' => false, 'privateLinks' => false, 'undelete' => false, 'versioning' => false, 'blacklisted_files' => ['.htaccess']],
        ],
    ], $query, $v);
    return true;
}

require_once __DIR__ . '/Shares.php';
if (\ArsipTest\Shares::handle($path, $query, $cfg, $control)) return true;

$base = null;
$prefix = '/remote.php/dav/files/' . rawurlencode($user);
if ($path === $prefix || str_starts_with($path, $prefix . '/')) $base = $prefix . '/';
elseif ($path === '/remote.php/webdav' || str_starts_with($path, '/remote.php/webdav/')) $base = '/remote.php/webdav/';

if ($base === null) {
    http_response_code(404);
    echo "not found\n";
    return true;
}
if (!authorized($cfg)) { deny(); return true; }

require_once 'Sabre/autoload.php';
require_once __DIR__ . '/Meta.php';
require_once __DIR__ . '/Nodes.php';
require_once __DIR__ . '/OcEmulationPlugin.php';

\ArsipTest\Meta::$control = $control;
\ArsipTest\Meta::$root = $cfg['root'];
$server = new Sabre\DAV\Server(new \ArsipTest\Tree(new \ArsipTest\Directory($cfg['root'])));
$server->setBaseUri($base);
$server->addPlugin(new \ArsipTest\OcEmulationPlugin());
$server->exec();
return true;
