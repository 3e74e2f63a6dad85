<?php
/**
 * OwnCloud emulation (TEST SERVER ONLY): the few OwnCloud behaviours arsipd and owncloudcmd rely
 * on, added to a stock SabreDAV 1.8 server:
 *  - PUT answers `X-OC-Mtime: accepted` when it honoured X-OC-Mtime, plus OC-ETag and OC-FileId
 *    (the checks themselves live in Upload::write); MKCOL answers OC-FileId too;
 *  - PROPFIND reports oc:checksums ("SHA1:<hex>"), oc:fileid, oc:id, oc:permissions, oc:size and a
 *    getetag for folders that changes when anything below changes (see Meta.php).
 */

namespace ArsipTest;

use Sabre\DAV;

final class OcEmulationPlugin extends DAV\ServerPlugin {
    const NS = 'http://owncloud.org/ns';
    private DAV\Server $server;

    public function getPluginName() { return 'oc-emulation'; }

    public function initialize(DAV\Server $server) {
        $this->server = $server;
        $server->xmlNamespaces[self::NS] = 'oc';
        $server->subscribeEvent('beforeGetProperties', [$this, 'props']);
        $server->subscribeEvent('afterWriteContent', [$this, 'afterPut']);
        $server->subscribeEvent('afterCreateFile', [$this, 'afterPut']);
        $server->subscribeEvent('afterBind', [$this, 'afterBind']);
    }

    /** MKCOL answers OC-FileId like OwnCloud, so a client can record the new folder's id. */
    public function afterBind($uri) {
        $node = $this->server->tree->getNodeForPath($uri);
        if ($node instanceof Directory) $this->server->httpResponse->setHeader('OC-FileId', self::ocId(Meta::fileId($node->getPath())));
    }

    public function afterPut() {
        $last = Upload::$last;
        if (!$last) return;
        $r = $this->server->httpResponse;
        if ($last['mtimeAccepted']) $r->setHeader('X-OC-Mtime', 'accepted');
        $r->setHeader('OC-ETag', $last['etag']);
        $r->setHeader('OC-FileId', self::ocId($last['fileid']));
    }

    public function props($path, DAV\INode $node, array &$requested, array &$returned) {
        $isDir = $node instanceof Directory;
        $disk = $node->getPath();
        $want = function (string $name) use (&$requested) {
            $k = array_search($name, $requested, true);
            if ($k === false) return false;
            unset($requested[$k]);
            return true;
        };
        if ($isDir && $want('{DAV:}getetag')) $returned[200]['{DAV:}getetag'] = Meta::dirEtag($disk);
        $id = Meta::fileId($disk);
        if ($want('{' . self::NS . '}fileid')) $returned[200]['{' . self::NS . '}fileid'] = $id;
        if ($want('{' . self::NS . '}id')) $returned[200]['{' . self::NS . '}id'] = self::ocId($id);
        if ($want('{' . self::NS . '}permissions')) $returned[200]['{' . self::NS . '}permissions'] = $isDir ? 'RDNVCK' : 'RDNVW';
        if ($want('{' . self::NS . '}size')) $returned[200]['{' . self::NS . '}size'] = $isDir ? self::treeSize($disk) : filesize($disk);
        if (!$isDir && in_array('{' . self::NS . '}checksums', $requested, true)) {
            $rec = Meta::fileRecord($disk);
            if ($rec && $rec['checksum']) {
                $want('{' . self::NS . '}checksums');
                $returned[200]['{' . self::NS . '}checksums'] = new ChecksumsProperty($rec['checksum']);
            }
        }
    }

    /** OwnCloud's oc:id / OC-FileId form: the numeric file id, zero-padded, plus an instance id. */
    public static function ocId(string $fileid): string {
        return sprintf('%08doctestinstance', (int)$fileid);
    }

    private static function treeSize(string $dir): int {
        $n = 0;
        foreach (new \RecursiveIteratorIterator(new \RecursiveDirectoryIterator($dir, \FilesystemIterator::SKIP_DOTS)) as $f) {
            if ($f->isFile()) $n += $f->getSize();
        }
        return $n;
    }
}

/** <oc:checksums><oc:checksum>SHA1:…</oc:checksum></oc:checksums>, as OwnCloud 10 writes it. */
final class ChecksumsProperty extends DAV\Property {
    public function __construct(private string $value) {}
    public function serialize(DAV\Server $server, \DOMElement $prop) {
        $el = $prop->ownerDocument->createElementNS(OcEmulationPlugin::NS, 'oc:checksum');
        $el->appendChild($prop->ownerDocument->createTextNode($this->value));
        $prop->appendChild($el);
    }
}
