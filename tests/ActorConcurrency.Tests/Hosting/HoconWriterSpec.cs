using ActorConcurrency.Actors.Hosting;
using Akka.Configuration;

namespace ActorConcurrency.Tests.Hosting;

/// <summary>HOCON written from typed values reads back as the values that went in, whatever characters a string holds.</summary>
public sealed class HoconWriterSpec
{
    [Fact]
    public void Every_character_of_a_string_comes_back_from_the_parser_as_it_went_in()
    {
        string everything = new(Enumerable.Range(0, 128).Select(i => (char)i).ToArray());
        string value = everything + "${a.b} #not a comment // nor this \"\"\" é ☃ 🦀";

        Config config = new HoconWriter().Set("a.b", "substituted?").Set("x.y", value).ToConfig();

        Assert.Equal(value, config.GetString("x.y"));
    }

    [Fact]
    public void A_string_is_quoted_with_json_escapes_only_where_it_must_be()
    {
        Assert.Equal("\"plain\"", HoconWriter.Quote("plain"));
        Assert.Equal("\"a\\\"b\\\\c\"", HoconWriter.Quote("a\"b\\c"));
        Assert.Equal("\"\\n\\r\\t\\b\\f\\u0001\"", HoconWriter.Quote("\n\r\t\b\f\u0001"));
        Assert.Equal("\"${x} # // [] {} = : ,\"", HoconWriter.Quote("${x} # // [] {} = : ,"));
    }

    [Fact]
    public void Numbers_switches_and_lists_are_read_back_as_their_types()
    {
        Config config = new HoconWriter()
            .Set("n", -4053)
            .Set("on", true)
            .Set("off", false)
            .Set("list", ["trttl", "a b", "c\"d"])
            .Set("empty", Array.Empty<string>())
            .ToConfig();

        Assert.Equal(-4053, config.GetInt("n"));
        Assert.True(config.GetBoolean("on"));
        Assert.False(config.GetBoolean("off"));
        Assert.Equal(["trttl", "a b", "c\"d"], config.GetStringList("list"));
        Assert.Empty(config.GetStringList("empty"));
    }

    [Fact]
    public void A_path_set_twice_keeps_the_later_value()
    {
        Config config = new HoconWriter().Set("a.b", 1).Set("a.b", 2).ToConfig();

        Assert.Equal(2, config.GetInt("a.b"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void A_blank_path_is_refused_naming_the_parameter(string path)
    {
        var error = Assert.Throws<ArgumentException>(() => new HoconWriter().Set(path, "value"));

        Assert.Equal("path", error.ParamName);
    }
}
