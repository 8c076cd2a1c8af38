/** grid.json: the one place slicegrid touches the disk, writing atomically and refusing corrupt files by name. */
package dev.quarry.slicegrid.persistence;
