/// Why the simulator could not start (socket, bind or listen failed).
public struct SimulatorError: Error, CustomStringConvertible, Sendable {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
