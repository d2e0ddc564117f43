import SpeckitCore

/// libFuzzer's entry point: the bytes as a `.zip`/`.tar.gz` kit, read in memory through libarchive
/// (limits and unsafe-entry checks included); whatever kits it holds are then checked by every rule.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArchive(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard let set = try? KitLoader().discover(archive: bytes, name: "kit.zip") else { return 0 }
    _ = Validator(jobs: 1).validate(set)
    return 0
}
