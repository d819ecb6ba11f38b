import TerminalUI

/// The activity log screen's outcomes applied to the whole model.
extension AppUpdate {
    static func activityLogKey(_ model: inout AppModel, _ screen: ActivityLogScreen, _ key: Key) -> [AppCommand] {
        var screen = screen
        switch screen.update(key: key, entryCount: model.activityLog.entries.count, bodyHeight: AppView.bodyRect(model).height) {
        case .back:
            model.screen = .accounts
        case .quit:
            return quit(&model)
        case .showHelp:
            model.screen = .activityLog(screen)
            model.overlay = .help
        case .stay:
            model.screen = .activityLog(screen)
        }
        return []
    }
}
