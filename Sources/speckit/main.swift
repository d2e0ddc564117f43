import Foundation
import SpeckitCLI

exit(SpeckitMain.run(Array(CommandLine.arguments.dropFirst())))
