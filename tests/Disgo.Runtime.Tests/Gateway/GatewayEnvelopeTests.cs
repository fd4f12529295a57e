using System.Text;
using Disgo.Gateway;

namespace Disgo.Runtime.Tests.Gateway;

public sealed class GatewayEnvelopeTests
{
    [Theory]
    [InlineData("""{"t":"MESSAGE_CREATE","s":42,"op":0,"d":{"content":"hi","n":[1,2]}}""")]
    [InlineData("""{"op":0,"d":{"content":"hi","n":[1,2]},"s":42,"t":"MESSAGE_CREATE"}""")]
    [InlineData("""{"d":{"content":"hi","n":[1,2]},"t":"MESSAGE_CREATE","op":0,"s":42}""")]
    [InlineData("""{"s":42,"d":{"content":"hi","n":[1,2]},"op":0,"t":"MESSAGE_CREATE"}""")]
    [InlineData(""" { "t" : "MESSAGE_CREATE" , "s" : 42 , "op" : 0 , "d" : {"content":"hi","n":[1,2]} } """)]
    public void Reads_every_field_whatever_the_key_order(string json)
    {
        var payload = Encoding.UTF8.GetBytes(json);

        var envelope = GatewayEnvelope.Read(payload);

        Assert.Equal(0, envelope.Opcode);
        Assert.Equal(42, envelope.Sequence);
        Assert.Equal("MESSAGE_CREATE", Encoding.UTF8.GetString(payload.AsSpan()[envelope.EventName]));
        Assert.Equal("""{"content":"hi","n":[1,2]}""", Encoding.UTF8.GetString(envelope.Data(payload)));
    }

    [Theory]
    [InlineData("""{"t":null,"s":null,"op":11,"d":null}""", 11, "null")]
    [InlineData("""{"t":null,"s":null,"op":9,"d":true}""", 9, "true")]
    [InlineData("""{"op":1,"d":251}""", 1, "251")]
    [InlineData("""{"op":7,"d":"text"}""", 7, "\"text\"")]
    [InlineData("""{"op":10,"d":{"heartbeat_interval":41250,"_trace":["gateway-prd-1",{"micros":0}]}}""", 10, """{"heartbeat_interval":41250,"_trace":["gateway-prd-1",{"micros":0}]}""")]
    [InlineData("""{"op":11}""", 11, "")]
    public void Control_payloads_have_no_sequence_or_event_name(string json, int opcode, string data)
    {
        var payload = Encoding.UTF8.GetBytes(json);

        var envelope = GatewayEnvelope.Read(payload);

        Assert.Equal(opcode, envelope.Opcode);
        Assert.Null(envelope.Sequence);
        Assert.True(payload.AsSpan()[envelope.EventName].IsEmpty);
        Assert.Equal(data, Encoding.UTF8.GetString(envelope.Data(payload)));
    }

    [Fact]
    public void Unknown_keys_are_skipped_whatever_their_value()
    {
        var payload = """{"x":{"op":5,"d":[1]},"op":0,"y":[{"s":9}],"s":3,"t":"READY","z":"d","d":{}}"""u8.ToArray();

        var envelope = GatewayEnvelope.Read(payload);

        Assert.Equal(0, envelope.Opcode);
        Assert.Equal(3, envelope.Sequence);
        Assert.Equal("READY", Encoding.UTF8.GetString(payload.AsSpan()[envelope.EventName]));
        Assert.Equal("{}", Encoding.UTF8.GetString(envelope.Data(payload)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("{")]
    [InlineData("""{"op":0,"d":{"a":""")]
    [InlineData("""{"op":0,"d":{"a":}}""")]
    [InlineData("""{"op":0,"d":{"a":"x\"}}""")]
    [InlineData("""{"d":{"a":1},"op":0,"s":1,"t":"X",}""")]
    [InlineData("""{"s":1,"d":null}""")]
    [InlineData("""{"op":"1"}""")]
    [InlineData("""{"op":1.5}""")]
    [InlineData("""{"op":99999999999}""")]
    [InlineData("""{"op":0,"s":"1"}""")]
    [InlineData("""{"op":0,"s":{}}""")]
    [InlineData("""{"op":0,"t":5}""")]
    [InlineData("""{"op":0,"t":"MESSAGE\u005FCREATE"}""")]
    [InlineData("""{"op":1} trailing""")]
    [InlineData("""{"op":1}{"op":2}""")]
    [InlineData("""{'op':1}""")]
    public void Malformed_payloads_throw_a_decode_exception(string json)
    {
        var payload = Encoding.UTF8.GetBytes(json);

        var exception = Assert.Throws<GatewayDecodeException>(() => GatewayEnvelope.Read(payload));

        Assert.Contains("gateway payload", exception.Message);
    }

    [Theory]
    [InlineData("""{"t":"X","s":1,"op":0,"d":{"a":"}]\"{[","b":[{"c":"\\"},[]]}}""", """{"a":"}]\"{[","b":[{"c":"\\"},[]]}""")]
    [InlineData("""{"t":"X","s":1,"op":0,"d":[1,{"a":[2]},"]"]}""", """[1,{"a":[2]},"]"]""")]
    [InlineData("""{"t":"X","s":1,"op":0,"d":{"a":{}},"later":{"b":[1]}}""", """{"a":{}}""")]
    [InlineData("""{"t":"X","s":1,"op":0,"d":{"a":1} , "later":2 }""", """{"a":1}""")]
    public void Data_that_comes_last_is_measured_only_when_asked_for(string json, string data)
    {
        var payload = Encoding.UTF8.GetBytes(json);

        var envelope = GatewayEnvelope.Read(payload);

        Assert.Equal(-1, envelope.DataLength);
        Assert.Equal(data, Encoding.UTF8.GetString(envelope.Data(payload)));
        Assert.StartsWith(data, Encoding.UTF8.GetString(envelope.DataAndRest(payload)));
    }

    [Fact]
    public void Data_that_comes_before_the_other_fields_is_checked_and_measured_on_the_way()
    {
        var payload = """{"d":{"a":[1,"]"]},"op":0,"s":1,"t":"X"}"""u8.ToArray();

        var envelope = GatewayEnvelope.Read(payload);

        Assert.Equal(13, envelope.DataLength);
        Assert.Equal("""{"a":[1,"]"]}""", Encoding.UTF8.GetString(envelope.Data(payload)));
    }

    [Theory]
    [InlineData("""{"t":"X","s":1,"op":0,"d":{"a":}}""")]
    [InlineData("""{"t":"X","s":1,"op":0,"d":{"a":1""")]
    public void Data_that_comes_last_is_left_unread_and_its_faults_surface_when_it_is_used(string json)
    {
        var payload = Encoding.UTF8.GetBytes(json);

        var envelope = GatewayEnvelope.Read(payload);

        Assert.Equal(1, envelope.Sequence);
        Assert.Throws<GatewayDecodeException>(() => envelope.Data(payload).Length);
    }

    [Fact]
    public void Reading_an_envelope_allocates_nothing()
    {
        var payload = """{"t":"MESSAGE_CREATE","s":42,"op":0,"d":{"content":"hi","embeds":[],"author":{"id":"1"}}}"""u8.ToArray();
        GatewayEnvelope.Read(payload);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            GatewayEnvelope.Read(payload);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
