<?php
/**
 * Stock SabreDAV as a site would set it up inside Apache (mod_php or PHP-FPM): the FSExt file
 * tree (ETag = md5 of the content, PUT written in place with file_put_contents, no OwnCloud
 * headers), Basic auth by SabreDAV itself. Served at /dav/ (an Alias to this file).
 * Configuration: ARSIP_SABRE_CONTROL (SetEnv) names the control folder with config.json.
 */

error_reporting(E_ALL & ~E_DEPRECATED & ~E_USER_DEPRECATED);
ini_set('display_errors', '0');
ini_set('log_errors', '1');

$control = $_SERVER['ARSIP_SABRE_CONTROL'] ?? getenv('ARSIP_SABRE_CONTROL');
$cfg = json_decode(file_get_contents($control . '/config.json'), true);

require_once 'Sabre/autoload.php';

final class ArsipStockAuth extends Sabre\DAV\Auth\Backend\AbstractBasic {
    public function __construct(private array $cfg) {}
    protected function validateUserPass($username, $password) {
        return hash_equals($this->cfg['username'], (string)$username)
            && hash_equals($this->cfg['password'], (string)$password);
    }
}

$server = new Sabre\DAV\Server(new Sabre\DAV\FSExt\Directory($cfg['root']));
$server->setBaseUri('/dav/');
$server->addPlugin(new Sabre\DAV\Auth\Plugin(new ArsipStockAuth($cfg), 'arsipd-test'));
$server->exec();
