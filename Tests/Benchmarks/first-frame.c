/* The first-frame baseline of Tests/Benchmarks/first-frame.sh: draws what tokenman's account
 * list shows for 20 accounts (title, header, 20 rows, footer) with ncurses on /dev/tty, as
 * tokenman does, then waits for a key. */
#include <curses.h>
#include <locale.h>
#include <stdio.h>

int main(void) {
    static const char *providers[] = {"Starship", "Exabits", "ByteConnect", "Wikimedia"};
    setlocale(LC_ALL, "");
    FILE *tty = fopen("/dev/tty", "r+");
    SCREEN *screen = newterm(NULL, tty ? tty : stdout, tty ? tty : stdin);
    if (!screen) return 1;
    cbreak(); noecho(); keypad(stdscr, TRUE); curs_set(0);
    start_color(); use_default_colors();
    init_pair(1, COLOR_BLACK, COLOR_CYAN);
    attron(COLOR_PAIR(1));
    mvprintw(0, 0, " tokenman · /tmp/bench/config.toml%*s", COLS - 35, "");
    attroff(COLOR_PAIR(1));
    attron(A_BOLD);
    mvprintw(1, 0, "  %-30s %-11s %-19s %-18s %7s %8s", "NAME", "PROVIDER", "USER", "STATE", "ACCESS", "REFRESH");
    attroff(A_BOLD);
    for (int i = 0; i < 20; i++) {
        char user[32];
        snprintf(user, sizeof user, "user%d@example.com", i);
        mvprintw(2 + i, 0, "  acct-%06d%19s %-11s %-19s %-18s %7s %8s", i, "", providers[i % 4], user, "valid",
                 "59:59", "23:59:59");
    }
    mvprintw(LINES - 1, 0, "l login  r refresh  c copy  x logout  Enter details  q quit  R refresh all  / filter");
    refresh();
    getch();
    endwin();
    return 0;
}
