#!/usr/bin/env python3
"""Writes the hostile archives of the hostile-input suite into a folder (they are built, not committed,
so a 10 GB zip bomb costs 70 KB of CPU work and nothing in git).

    scripts/hostile-archives.py OUT

climb.zip      a kit whose second entry is ../escape.md
absolute.zip   a kit with an entry named /etc/speckit-plan.md
links.tar.gz   a kit with a symbolic link (tasks.md -> /etc/passwd) and a hard link
bomb-10g.zip   one entry declaring 10 GiB (ZIP64 sizes), the deflated zeros to back 64 MiB of it
truncated.zip  a valid kit zip cut in half
cut-30.zip     a valid kit zip without its last 30 bytes (the end of its central directory)
duplicate.zip  two entries named kit/tasks.md, one task open in the first and done in the second
utf8-names.zip kit/仕様/tasks.md (a duplicate task id) and kit/café/plan.md, written by zipfile with the UTF-8 flag
mismatch.zip   local headers that swap two names: the central directory's kit/tasks.md (what unzip extracts)
               fails, the local header's kit/tasks.md passes
empty.zip      a zip of no entries (its end record alone)
elsewhere.zip  an end record whose directory size says the directory starts at 0: libarchive scans forward to
               the real one (ZIP64 offsets undo the shift) and reads the kit, unzip finds no directory
"""
import io, os, struct, sys, tarfile, warnings, zipfile, zlib

KIT = b"# Tasks\n\n## Phase 1: Build\n\n- [x] T1 Write the schema\n- [ ] T2 Write the API (depends on T1)\n"


def plain_zip(entries):
    warnings.simplefilter("ignore")  # A duplicate name is the point of duplicate.zip.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            info = zipfile.ZipInfo("x", (2026, 1, 1, 0, 0, 0))
            info.filename = name  # ZipInfo's constructor would clean `..` and `/` away; set it as is.
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return buffer.getvalue()


def links_tar():
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as t:
        info = tarfile.TarInfo("kit/plan.md")
        info.size = len(KIT)
        t.addfile(info, io.BytesIO(KIT))
        for name, kind, target in [("kit/tasks.md", tarfile.SYMTYPE, "/etc/passwd"),
                                   ("kit/prd.md", tarfile.LNKTYPE, "kit/plan.md")]:
            info = tarfile.TarInfo(name)
            info.type, info.linkname = kind, target
            t.addfile(info)
    return buffer.getvalue()


def bomb_zip(declared=10 * 1024**3, backed=64 * 1024**2):
    """A ZIP64 entry whose headers declare `declared` bytes; its deflate stream holds `backed` zeros."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = bytes(1024 * 1024)
    data = b"".join(compressor.compress(chunk) for _ in range(backed // len(chunk))) + compressor.flush()
    name = b"kit/tasks.md"
    crc = 0  # Unknowable without writing 10 GiB; readers stop long before checking it.
    extra = struct.pack("<HHQQ", 0x0001, 16, declared, len(data))
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 45, 0, 8, 0, 0x5C21, crc, 0xFFFFFFFF, 0xFFFFFFFF,
                        len(name), len(extra)) + name + extra
    central_extra = struct.pack("<HHQQQ", 0x0001, 24, declared, len(data), 0)
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 45, 45, 0, 8, 0, 0x5C21, crc, 0xFFFFFFFF,
                          0xFFFFFFFF, len(name), len(central_extra), 0, 0, 0, 0, 0xFFFFFFFF) + name + central_extra
    offset = len(local) + len(data)
    eocd64 = struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, 1, 1, len(central), offset)
    locator = struct.pack("<IIQI", 0x07064B50, 0, offset + len(central), 1)
    eocd = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), 0xFFFFFFFF, 0)
    return local + data + central + eocd64 + locator + eocd


def utf8_zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("kit/仕様/tasks.md", KIT + b"- [ ] T2 Again\n")
        z.writestr("kit/café/plan.md", b"# Plan\n\n## Goals\n\n- Names stay names\n")
    return buffer.getvalue()


def mismatch_zip():
    """Two entries of equally long names whose local headers carry each other's name."""
    failing, passing = KIT + b"- [ ] T2 Again\n", KIT
    data = bytearray(plain_zip([("kit/tasks.md", failing), ("kit/old.text", passing)]))
    swap = {b"kit/tasks.md": b"kit/old.text", b"kit/old.text": b"kit/tasks.md"}
    at = 0
    while (at := data.find(b"PK\x03\x04", at)) >= 0:
        length = struct.unpack_from("<H", data, at + 26)[0]
        name = bytes(data[at + 30: at + 30 + length])
        data[at + 30: at + 30 + length] = swap.get(name, name)
        at += 30 + length
    return bytes(data)


def elsewhere_zip(filler=b"P" * 4096):
    entries = [(b"kit/tasks.md", KIT), (b"kit/filler.txt", filler)]
    out, records = bytearray(), []
    for name, data in entries:
        records.append((name, zlib.crc32(data), len(data), len(out)))
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 0, 0, 0x21, zlib.crc32(data), len(data), len(data),
                           len(name), 0) + name + data
    start = len(out)
    for name, crc, length, offset in records:
        # 0xFFFFFFFF once libarchive adds its correction (start): the ZIP64 field's true offset is then used.
        extra = struct.pack("<HHQ", 0x0001, 8, offset)
        out += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 0, 0, 0x21, crc, length, length, len(name),
                           len(extra), 0, 0, 0, 0, 0xFFFFFFFF - start) + name + extra
    end = len(out)
    return bytes(out + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(records), len(records), end, 0, 0))


def archives():
    kit = plain_zip([("kit/tasks.md", KIT)])
    return {
        "climb.zip": plain_zip([("kit/tasks.md", KIT), ("../escape.md", KIT)]),
        "absolute.zip": plain_zip([("kit/tasks.md", KIT), ("/etc/speckit-plan.md", KIT)]),
        "links.tar.gz": links_tar(),
        "bomb-10g.zip": bomb_zip(),
        "truncated.zip": kit[: len(kit) // 2],
        "cut-30.zip": kit[:-30],
        "duplicate.zip": plain_zip([("kit/tasks.md", KIT), ("kit/tasks.md", KIT.replace(b"[ ]", b"[x]"))]),
        "utf8-names.zip": utf8_zip(),
        "mismatch.zip": mismatch_zip(),
        "empty.zip": plain_zip([]),
        "elsewhere.zip": elsewhere_zip(),
    }


if __name__ == "__main__":
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for name, data in archives().items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
