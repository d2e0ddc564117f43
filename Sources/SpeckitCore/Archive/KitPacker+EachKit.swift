import Foundation

extension KitPacker {
    /// One archive `packEach` made, not yet written.
    public struct Packed: Sendable {
        /// Where it goes: the output folder and the kit's name (`dist/ops-control-room.zip`).
        public var path: String
        /// The kit folder it was packed from.
        public var folder: String
        public var bytes: [UInt8]
        public var manifest: Manifest
    }

    /// One archive per kit in `folder`, each named after its kit in the folder `output`
    /// (`output/<name>.zip`, the name's letters and digits as `generate` makes a folder name), packed as
    /// `pack` packs one kit. Nothing is written: every archive is made first, so a kit that cannot be packed
    /// leaves none written.
    /// - Throws: what `pack` throws for any kit; `SpeckitError.cannotWrite` when two kits would get the same
    ///   archive name, `.cannotPack` when loose plan files lie around the kits.
    public static func packEach(
        _ folder: String, format: ArchiveFormat, into output: String, settings: ValidationSettings = ValidationSettings(),
        followLinks: Bool = false
    ) throws -> [Packed] {
        let set = try KitLoader(settings: settings).discover([folder])
        // A folder that is one kit (or part of one) is packed whole, as `pack FOLDER --out FILE` packs it.
        var units = packingUnits(set.kits, folder: folder)
        if units.count > 1, let loose = units.first(where: { $0.root == folder }) {
            let plans = set.kits.filter { $0.profile == .freeform }.compactMap(\.files.first).prefix(3)
            throw SpeckitError.cannotPack(
                loose.root,
                reason: "holds plan files (\(plans.joined(separator: ", "))) beside its kits, which cannot be packed apart from "
                    + "them; pack each kit folder by itself")
        }
        if units.count == 1 { units = [(root: folder, name: units[0].name)] }
        let roots = units.map(\.root)
        // Archives written inside a kit would be packed into it by the next run: never the same bytes twice.
        let real = { (path: String) in URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path }
        let target = real(output)
        if let inside = roots.first(where: { target == real($0) || target.hasPrefix(real($0) == "/" ? "/" : real($0) + "/") }) {
            throw SpeckitError.cannotPack(
                output,
                reason:
                    "it lies inside the kit folder \(inside), so its archives would be packed into the next run's; choose a folder outside it"
            )
        }
        let names = units.map { FolderSlug.make($0.name).isEmpty ? "kit" : FolderSlug.make($0.name) }
        let directory = output.hasSuffix("/") ? output : output + "/"
        var taken: [String: String] = [:]
        var packed: [Packed] = []
        for (root, name) in zip(roots, names) {
            let path = directory + name + "." + format.rawValue
            if let other = taken[path] {
                throw SpeckitError.cannotWrite(
                    path, reason: "the kits \(other) and \(root) would both be packed into it; pack them one at a time with --out FILE")
            }
            taken[path] = root
            let (bytes, manifest) = try pack(root, format: format, settings: settings, output: path, followLinks: followLinks)
            packed.append(Packed(path: path, folder: root, bytes: bytes, manifest: manifest))
        }
        return packed
    }
}
