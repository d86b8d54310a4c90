/*
 * main.c: the entry point of icsbrowse; everything else starts in cli.c.
 */
#include "config.h"

#include "cli/cli.h"

int
main(int argc, char **argv)
{
	return cli_main(argc, argv);
}
