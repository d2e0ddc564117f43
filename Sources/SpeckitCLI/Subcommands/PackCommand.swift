public import ArgumentParser
import Foundation
import SpeckitCore

/// `speckit pack KIT --out FILE`: a reproducible zip or tar.gz of a kit with `manifest.json`.
struct PackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Pack a kit folder into a reproducible zip or tar.gz with a manifest.",
        discussion: """
            KIT is found the way 'speckit validate' finds kits (the nearest .speckit.yml applies; hidden layouts \
            such as .kiro/specs/NAME and .specify/memory included). Every regular file in the folders a walk \
            enters is packed (hidden files, .git, build and dependency folders and what .speckit.yml excludes \
            left out; a FIFO, device or dangling link is an error); the archive being written never is. \
            Symbolic links are never followed: a link to a file or to a folder in the kit is an error naming it, \
            and nothing is written. --follow-links packs what a link to a file leads to, under the link's name, \
            when it stays inside the kit folder; a link leading outside it, or to a folder, is still an error. \
            An archive that 'speckit validate' would refuse (more entries than limits.archiveEntries, more bytes \
            than limits.archiveBytes) is not written; nor is a tar.gz path longer than ustar holds (255 bytes). \
            manifest.json records the kit's name, profile and the folders that place it (specs/001-photos), so \
            'speckit validate kit.zip' checks the kit exactly as its folder was checked. \
            Entries are sorted; every file has mode 0644, uid/gid 0, no owner name and the mtime \
            SOURCE_DATE_EPOCH (default 1980-01-01), so the same kit gives the same bytes on any machine and in \
            any time zone. manifest.json lists every file's path, size and sha256 and the kit's task counts. \
            The archive is written atomically. A folder that holds several kits is refused, listing them; with \
            --out DIR/ (a folder: ending in / or existing) each kit is packed into DIR/NAME.zip (or .tar.gz with \
            --format), NAME made from the kit's name as generate makes a folder name, and nothing is written unless \
            every kit can be packed.
            """
    )

    @Argument(help: ArgumentHelp("The kit folder.", valueName: "kit"))
    var kit: String

    @Option(
        help: ArgumentHelp(
            "The archive to write (.zip, .tar.gz or .tgz), or a folder (DIR/) for one archive per kit.", valueName: "file"))
    var out: String

    @Option(help: ArgumentHelp("zip or tar.gz (default: from the --out extension, else zip).", valueName: "format"))
    var format: ArchiveFormat?

    @Flag(help: "Pack what a link to a file leads to, when that is inside the kit folder (never a file outside it).")
    var followLinks = false

    @OptionGroup var load: SettingsOptions

    /// `--out` names a folder: one archive per kit goes into it.
    var outFolder: Bool { out.hasSuffix("/") || FileKind.followed(out) == .folder }

    func validate() throws {
        if out.isEmpty { throw ValidationError("--out needs a file name") }
        if !outFolder, format == nil, ArchiveFormat.named(out) == nil {
            throw ValidationError(
                "--out \(out): expected a name ending in .zip, .tar.gz or .tgz (or --format zip|tar.gz), or a folder ending in /")
        }
    }

    func run() throws {
        let settings = try load.settings(for: [kit])
        if outFolder {
            guard FileKind.followed(out) == .folder else {
                let problem = FileKind.of(out) == .missing ? "no such folder" : "not a folder"
                throw SpeckitError.cannotWrite(out, reason: "\(problem); create it, or give an archive name such as kit.zip")
            }
            let packed = try KitPacker.packEach(kit, format: format ?? .zip, into: out, settings: settings, followLinks: followLinks)
            // Every archive's place is checked before the first is written: all are written, or none.
            try OutputPlaces.checkFiles(packed.map(\.path))
            for archive in packed {
                try AtomicFile.write(archive.bytes, to: archive.path)
                report(archive.bytes, archive.manifest, from: archive.folder, into: archive.path, settings: settings)
            }
            return
        }
        let (bytes, manifest) = try KitPacker.pack(
            kit, format: format ?? ArchiveFormat.from(fileName: out), settings: settings, output: out, followLinks: followLinks)
        try AtomicFile.write(bytes, to: out)
        report(bytes, manifest, from: kit, into: out, settings: settings)
    }

    /// The line saying what was packed, and the warnings about it.
    private func report(
        _ bytes: [UInt8], _ manifest: KitPacker.Manifest, from folder: String, into out: String, settings: ValidationSettings
    ) {
        let ownManifest = URL(fileURLWithPath: folder).appendingPathComponent("manifest.json").path
        if FileKind.followed(ownManifest) == .regular {
            StandardError.write("speckit: warning: \(ownManifest): not packed; the archive's manifest.json is the one pack writes\n")
        }
        // validate refuses an archive whose contents are over limits.archiveRatio times its size (a zip
        // bomb's mark); a kit of very repetitive text can get there too: say so now, not in CI. (Entries and
        // bytes over their limits were refused before anything was written.)
        let ratio = settings.limits.archiveRatio
        let contents = manifest.files.reduce(0) { $0 + $1.size }
        if contents > max(bytes.count, 1) * ratio {
            StandardError.write(
                "speckit: warning: \(out): its contents (\(contents) bytes) are more than \(ratio) times the archive's size; "
                    + "validate will refuse it unless .speckit.yml raises limits.archiveRatio\n")
        }
        let count = Plural.count(manifest.files.count, "file")
        print(
            "packed \(count) and manifest.json of \(manifest.kit.name.escapingControlCharacters) into \(out) (\(bytes.count) bytes, sha256 \(SHA256.hex(bytes)))"
        )
    }
}

extension ArchiveFormat: ExpressibleByArgument {}
