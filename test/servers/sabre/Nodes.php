<?php
/**
 * File-system nodes for the test server. Unlike SabreDAV 1.8's FS\File they have ETags that change
 * with content, and every write is atomic like OwnCloud's: the body goes to a temp file in the
 * control folder (same file system as the root), is checked, and only then renamed into place,
 * so a dropped or rejected upload never leaves a partial file at the target.
 */

namespace ArsipTest;

use Sabre\DAV;

final class Upload {
    /** Set by the last successful write of this request, for the plugin's response headers. */
    public static ?array $last = null;

    /** Writes $data to $target atomically, honouring OC-Checksum, X-OC-Mtime and Content-Length. */
    public static function write(string $target, $data): string {
        $tmp = Meta::$control . '/uploads/' . bin2hex(random_bytes(8)) . '.part';
        $out = fopen($tmp, 'wb');
        $ctx = hash_init('sha1');
        $n = 0;
        try {
            if (is_string($data)) {
                fwrite($out, $data);
                hash_update($ctx, $data);
                $n = strlen($data);
            } elseif ($data !== null) {
                while (!feof($data)) {
                    $buf = fread($data, 1 << 16);
                    if ($buf === false || $buf === '') break;
                    fwrite($out, $buf);
                    hash_update($ctx, $buf);
                    $n += strlen($buf);
                }
            }
            fclose($out);
            $out = null;
            $sha1 = hash_final($ctx);
            $declared = $_SERVER['CONTENT_LENGTH'] ?? $_SERVER['HTTP_CONTENT_LENGTH'] ?? null;
            if ($declared !== null && $declared !== '' && (int)$declared !== $n) {
                throw new DAV\Exception\BadRequest("expected $declared bytes, received $n");
            }
            $given = $_SERVER['HTTP_OC_CHECKSUM'] ?? '';
            if ($given !== '') {
                [$type, $hex] = array_pad(explode(':', $given, 2), 2, '');
                if (strtoupper($type) === 'SHA1' && strtolower($hex) !== $sha1) {
                    throw new DAV\Exception\BadRequest('The computed checksum does not match the one received from the client.');
                }
            }
            $mtimeAccepted = false;
            $m = $_SERVER['HTTP_X_OC_MTIME'] ?? '';
            if ($m !== '' && is_numeric($m)) {
                touch($tmp, (int)$m);
                $mtimeAccepted = true;
            }
            if (!rename($tmp, $target)) throw new DAV\Exception('rename into place failed');
            $rec = Meta::saveFile($target, 'SHA1:' . $sha1);
            Meta::bumpAncestors($target);
            self::$last = ['mtimeAccepted' => $mtimeAccepted, 'etag' => '"' . $rec['etag'] . '"', 'fileid' => Meta::fileId($target)];
            return '"' . $rec['etag'] . '"';
        } finally {
            if ($out) fclose($out);
            if (file_exists($tmp)) unlink($tmp);
        }
    }
}

final class File extends DAV\FS\Node implements DAV\IFile {
    public function put($data) { return Upload::write($this->path, $data); }
    public function get() { return fopen($this->path, 'rb'); }
    public function getSize() { clearstatcache(true, $this->path); return filesize($this->path); }
    public function getETag() { return Meta::fileEtag($this->path); }
    public function getContentType() { return null; }
    public function getPath(): string { return $this->path; }
    public function delete() { unlink($this->path); Meta::bumpAncestors($this->path); }
    public function setName($name) { parent::setName($name); }
}

final class Directory extends DAV\FS\Node implements DAV\ICollection {
    public function getPath(): string { return $this->path; }

    public function createFile($name, $data = null) {
        if ($name === '.' || $name === '..') throw new DAV\Exception\Forbidden('Permission denied to . and ..');
        return Upload::write($this->path . '/' . $name, $data);
    }

    public function createDirectory($name) {
        if ($name === '.' || $name === '..') throw new DAV\Exception\Forbidden('Permission denied to . and ..');
        mkdir($this->path . '/' . $name);
        Meta::bumpAncestors($this->path . '/' . $name);
    }

    public function getChild($name) {
        $p = $this->path . '/' . $name;
        if ($name === '' || !file_exists($p)) throw new DAV\Exception\NotFound('File with name ' . $name . ' could not be located');
        return is_dir($p) ? new Directory($p) : new File($p);
    }

    public function getChildren() {
        $out = [];
        foreach (scandir($this->path) as $n) {
            if ($n === '.' || $n === '..') continue;
            $out[] = $this->getChild($n);
        }
        return $out;
    }

    public function childExists($name) { return file_exists($this->path . '/' . $name); }

    public function delete() {
        foreach ($this->getChildren() as $c) $c->delete();
        rmdir($this->path);
        Meta::bumpAncestors($this->path);
    }
}

/** Moves are a plain rename() (atomic, keeps inode-keyed metadata) instead of copy + delete. */
final class Tree extends DAV\ObjectTree {
    public function move($sourcePath, $destinationPath) {
        $src = $this->getNodeForPath($sourcePath);
        [$destDir, $destName] = DAV\URLUtil::splitPath($destinationPath);
        $dir = $this->getNodeForPath($destDir);
        if (!($dir instanceof Directory)) throw new DAV\Exception\Conflict('destination folder missing');
        $target = $dir->getPath() . '/' . $destName;
        if (!rename($src->getPath(), $target)) throw new DAV\Exception('rename failed');
        Meta::bumpAncestors($src->getPath());
        Meta::bumpAncestors($target);
        $this->markDirty(DAV\URLUtil::splitPath($sourcePath)[0]);
        $this->markDirty($destDir);
    }
}
